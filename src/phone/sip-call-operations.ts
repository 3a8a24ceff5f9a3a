/**
 * A call's audio and what the agent does on the call once it is answered: mute, another
 * microphone or speaker, DTMF, hold, transfer, merge, and the call's figures (stats, input level).
 * `SipSession` extends it with the INVITE and the hang-up, and keeps the state these operations
 * read (the sip.js session, answered, over) up to date; nothing here decides how a call ends.
 * A base class rather than a member the session delegates to: the operations share the session's
 * sip.js `Inviter` and tracks, and a dozen one-line forwards would cost lines and engine bytes.
 * @internal
 */
import { SessionState, type Inviter, type Web } from 'sip.js';
import type { MergedAudio, OutboundSession, SessionListener, TransferTo } from './engine.js';
import type { AudioSwitchable } from './sip-audio-choice.js';
import type { AudioConference, ConferenceLeg, ConferenceMember } from './sip-conference.js';
import { conferenceDoor, referDoor } from './lazy-call-features.js';
import { SessionDtmf } from './sip-dtmf.js';
import { offerHold } from './sip-hold.js';
import { QualityWatch } from './quality-watch.js';
import { RemoteAudio, peerConnectionOf, readMediaStats } from './sip-media.js';
import { MicrophoneSwitch } from './sip-microphone-switch.js';
import type { RequestDeadline } from './request-deadline.js';
import type { DtmfMode, MediaStats } from './types.js';

export abstract class SipCallOperations implements AudioSwitchable, ConferenceMember {
  /** The INVITE's session in sip.js (the subclass makes a second one if it tries with fresh credentials). */
  protected inviter!: Inviter;
  /** sip.js made the session Established (the answer's SDP was applied and ACKed). */
  protected established = false;
  /** The call is over: nothing more to switch, measure or send. */
  protected finished = false;
  private heldByRemote = false;
  protected readonly remoteAudio: RemoteAudio;
  protected readonly microphone = new MicrophoneSwitch(this, () => this.peerConnection);
  protected readonly dtmf: SessionDtmf;
  protected readonly quality = new QualityWatch({
    muted: () => !this.microphone.enabled,
    held: () => this.microphone.held || this.heldByRemote,
    changed: (change) => this.listener.qualityChanged?.(change),
    talkingWhileMuted: (talking) => this.listener.talkingWhileMuted?.(talking),
  });

  constructor(
    protected readonly listener: SessionListener,
    dtmf: DtmfMode,
    speakerId: () => string,
    /** Also how long a hold or a transfer waits for the other side. */
    protected readonly deadline: RequestDeadline,
  ) {
    this.remoteAudio = new RemoteAudio(speakerId);
    this.dtmf = new SessionDtmf(() => this.inviter, dtmf, (digit, method) => this.listener.dtmfSent(digit, method));
  }

  setMicrophoneEnabled(enabled: boolean): void {
    this.microphone.enabled = enabled;
    this.microphone.apply();
  }

  sendDtmf(digits: string): void {
    this.dtmf.send(digits);
  }

  /** Another microphone for this call: sip.js puts its track in the sender (`replaceTrack`, no re-INVITE). */
  async useMicrophone(stream: MediaStream): Promise<void> {
    const sdh = this.inviter.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
    if (this.finished || !sdh?.peerConnection) return stream.getTracks().forEach((track) => track.stop());
    // Merged, the call sends the mix: the new microphone goes into the mix, not on the wire.
    const track = stream.getAudioTracks()[0];
    const conference = this.microphone.conference;
    if (conference && track) return conference.replaceMicrophone(this, track);
    // sip.js's own way (protected in its typings): replaceTrack, then the old track stops and leaves its local stream.
    await (sdh as unknown as { setLocalMediaStream(stream: MediaStream): Promise<void> }).setLocalMediaStream(stream);
    this.microphone.apply();
  }

  useSpeaker(): void {
    this.remoteAudio.useOutput();
  }

  async hold(held: boolean): Promise<void> {
    if (this.inviter.state !== SessionState.Established) throw new Error('The call is not connected.');
    await offerHold(this.inviter, held, { wasHeld: this.microphone.held, deadlineMs: this.deadline.ms });
    this.microphone.held = held;
    this.microphone.apply();
  }

  /** The call offered again as it is, on hold or not (the dialog refreshed after a reconnect, an ICE restart if asked). */
  protected reoffer(iceRestart: boolean): Promise<void> {
    const held = this.microphone.held;
    return offerHold(this.inviter, held, { wasHeld: held, deadlineMs: this.deadline.ms, iceRestart }).then(() => this.microphone.apply());
  }

  transfer(to: TransferTo, accepted: () => void): Promise<void> {
    if (this.inviter.state !== SessionState.Established) return Promise.reject(new Error('Only a connected call can be transferred.'));
    const answerMs = this.deadline.ms;
    // The REFER code is its own chunk (lazy-call-features.ts): loaded on first use, with a deadline.
    return referDoor.open().then(({ consultDialogOf, sendRefer }) => {
      if (this.inviter.state !== SessionState.Established) throw new Error('Only a connected call can be transferred.');
      const target = 'uri' in to ? to.uri : consultDialogOf(SipCallOperations.inviterOf(to.consult));
      return sendRefer(this.inviter, target, to.display, { answerMs, outcomeMs: 2 * answerMs }, accepted);
    });
  }

  /** The sip.js session behind a session of this engine (an attended transfer names the consult call's dialog). */
  static inviterOf(session: OutboundSession): Inviter {
    const inner = (session as { unwrapped?: OutboundSession }).unwrapped ?? session;
    if (!(inner instanceof SipCallOperations)) throw new Error('The consult call is not connected, so it can not be joined.');
    return inner.inviter;
  }

  inputLevel(): number | undefined {
    return this.quality.inputLevel();
  }

  async mediaStats(): Promise<MediaStats | undefined> {
    const pc = this.peerConnection;
    if (!pc || this.finished) return undefined;
    return readMediaStats(pc);
  }

  /** For a merge: the call's audio path, once answered (none while already merged). */
  audioLeg(): ConferenceLeg | undefined {
    const pc = this.peerConnection;
    if (!pc || !this.established || this.finished || this.microphone.conference) return undefined;
    const sender = pc.getSenders().find((s) => s.track?.kind === 'audio');
    const incoming = pc.getReceivers().find((r) => r.track?.kind === 'audio')?.track;
    if (!sender?.track || !incoming) return undefined;
    return { microphone: sender.track, incoming, send: (track) => sender.replaceTrack(track) };
  }

  joinConference(conference: AudioConference | undefined): void {
    this.microphone.conference = conference;
    this.microphone.apply();
  }

  async mergeAudio(other: OutboundSession): Promise<MergedAudio> {
    if (!(other instanceof SipCallOperations)) throw new Error('Only two calls of the same phone can be merged.');
    const { mergeMembers } = await conferenceDoor.open();
    const conference = await mergeMembers(this, other);
    return { split: () => conference.end() };
  }

  /** The other party put the call on hold (its re-INVITE offered sendonly/inactive), or took it back. */
  protected remoteHold(held: boolean): void {
    if (held === this.heldByRemote) return;
    this.heldByRemote = held;
    this.listener.remoteHoldChanged(held);
  }

  protected get peerConnection(): RTCPeerConnection | undefined {
    return peerConnectionOf(this.inviter.sessionDescriptionHandler);
  }
}

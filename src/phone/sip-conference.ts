/**
 * A three-way conference mixed in the browser, no server needed. Two answered calls ("legs")
 * each get a new outgoing track: the agent's microphone plus the OTHER leg's incoming audio,
 * mixed with Web Audio and put on the wire with `RTCRtpSender.replaceTrack` (no re-INVITE). The
 * agent already hears both legs (each call plays its own far end). Ending the conference puts
 * each leg's own microphone track back.
 *
 *   microphone ─> mic gain (mute) ─┬─> to A   (A hears the agent and B)
 *                                  └─> to B   (B hears the agent and A)
 *   from A ───────────────────────────> to B
 *   from B ───────────────────────────> to A
 *
 * Holding a leg disables its incoming track (silence into the other leg's mix) and its outgoing
 * track (it hears nothing), so hold needs nothing from here.
 * @internal
 */

/** One call's audio path, as the conference needs it. */
export interface ConferenceLeg {
  /** The agent's microphone track the call sends outside a conference. */
  readonly microphone: MediaStreamTrack;
  /** The far party's audio as received. */
  readonly incoming: MediaStreamTrack;
  /** Puts a track on the wire for this call (RTCRtpSender.replaceTrack). */
  send(track: MediaStreamTrack): Promise<void>;
}

/** What a conference's legs (the calls' sessions) are told. */
export interface ConferenceMember {
  /** The call's audio path, once its media is up. */
  audioLeg(): ConferenceLeg | undefined;
  /** Joins (or, with `undefined`, leaves) the conference: the microphone switch goes through it. */
  joinConference(conference: AudioConference | undefined): void;
}

export class AudioConference {
  /** The tracks each leg sends while merged: [to A, to B]. */
  readonly outgoing: readonly [MediaStreamTrack, MediaStreamTrack];
  private readonly microphoneGain: GainNode;
  /** The agent's microphone as each leg sent it before the merge (a new device replaces them). */
  private readonly microphones: MediaStreamTrack[];
  private microphoneSource: MediaStreamAudioSourceNode;
  private readonly microphoneWanted = new Map<ConferenceMember, boolean>();
  private ending: Promise<void> | undefined;

  private constructor(
    private readonly context: AudioContext,
    private readonly legs: readonly [ConferenceLeg, ConferenceLeg],
    private readonly members: readonly ConferenceMember[],
  ) {
    const [a, b] = legs;
    const source = (track: MediaStreamTrack) => context.createMediaStreamSource(new MediaStream([track]));
    const toA = context.createMediaStreamDestination();
    const toB = context.createMediaStreamDestination();
    this.microphoneGain = context.createGain();
    this.microphones = [a.microphone, b.microphone];
    this.microphoneSource = source(a.microphone);
    this.microphoneSource.connect(this.microphoneGain);
    this.microphoneGain.connect(toA);
    this.microphoneGain.connect(toB);
    source(a.incoming).connect(toB);
    source(b.incoming).connect(toA);
    this.outgoing = [toA.stream.getAudioTracks()[0], toB.stream.getAudioTracks()[0]];
    for (const member of members) this.microphoneWanted.set(member, true);
  }

  /**
   * Mixes two legs and puts the mixes on the wire. Rejects (and changes nothing) when a leg has
   * no media yet or a track can't be replaced.
   */
  static async start(a: ConferenceLeg, b: ConferenceLeg, members: readonly ConferenceMember[] = [], makeContext: () => AudioContext = () => new AudioContext()): Promise<AudioConference> {
    const context = makeContext();
    const conference = new AudioConference(context, [a, b], members);
    // The microphone's on/off now lives in the mix (one switch for both legs): the track itself stays on.
    a.microphone.enabled = true;
    try {
      // Merged from a click, the context may run at once; never wait on it (a browser that
      // holds audio until a gesture must not wedge the merge): the mix starts when it may.
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
      await a.send(conference.outgoing[0]);
      await b.send(conference.outgoing[1]);
    } catch (error) {
      await conference.end();
      throw error;
    }
    for (const member of members) member.joinConference(conference);
    return conference;
  }

  /** The agent is heard by both legs only while every leg wants the microphone on (mute is per call; the phone mutes both). */
  setMicrophoneEnabled(member: ConferenceMember, enabled: boolean): void {
    this.microphoneWanted.set(member, enabled);
    const on = [...this.microphoneWanted.values()].every(Boolean);
    this.microphoneGain.gain.setValueAtTime(on ? 1 : 0, this.context.currentTime);
  }

  /**
   * The agent chose another microphone while merged: the mix takes it at once (no re-INVITE, the
   * calls keep sending the mix), and a split gives each call its new microphone.
   */
  replaceMicrophone(member: ConferenceMember, track: MediaStreamTrack): void {
    const index = this.members.indexOf(member);
    if (index < 0 || this.ended) return void track.stop();
    const old = this.microphones[index];
    this.microphones[index] = track;
    track.enabled = true; // on/off lives in the mix
    if (index === 0) {
      this.microphoneSource.disconnect();
      this.microphoneSource = this.context.createMediaStreamSource(new MediaStream([track]));
      this.microphoneSource.connect(this.microphoneGain);
    }
    if (old !== track) old.stop();
  }

  /** The microphone is heard in the mix. */
  get microphoneEnabled(): boolean {
    return this.microphoneGain.gain.value > 0;
  }

  get ended(): boolean {
    return this.ending !== undefined;
  }

  /** Splits: each leg sends its own microphone again, the mix stops. Safe to call more than once. */
  end(): Promise<void> {
    this.ending ??= (async () => {
      await Promise.all(this.legs.map((leg, index) => leg.send(this.microphones[index]).catch(() => undefined)));
      // Each call switches its own microphone track again (mute and hold as they are now).
      for (const member of this.members) member.joinConference(undefined);
      this.outgoing.forEach((track) => track.stop());
      await this.context.close().catch(() => undefined);
    })();
    return this.ending;
  }
}

/** Merges two calls' sessions into one conference; rejects with words when one has no audio yet. */
export async function mergeMembers(a: ConferenceMember, b: ConferenceMember): Promise<AudioConference> {
  const legA = a.audioLeg();
  const legB = b.audioLeg();
  if (!legA || !legB) throw new Error('Both calls need their audio connected before they can be merged.');
  return AudioConference.start(legA, legB, [a, b]);
}

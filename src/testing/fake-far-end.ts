/**
 * The scripted far end of one fake call (`phone.far(call)`): what it received (digits, REFERs,
 * hang-up) and the buttons a test presses to make it ring, answer, hold, hang up or fail.
 */
import type { OutboundRequest, SessionListener } from '../phone/engine.js';
import { referRefused, targetFailed, type ConsultDialog } from '../phone/transfer-refer.js';
import type { CallQualitySummary, QualityFigures, QualityWarning } from '../phone/call-quality.js';
import { ANSWER_UNUSABLE_WORDS, AUDIO_REMOVED_WORDS } from '../phone/sip-audio-port-zero.js';
import { settle } from './settle.js';

/**
 * What the far end does with the caller's next transfer (REFER): `complete` (202, then a NOTIFY
 * `SIP/2.0 200 OK`), a status number (the REFER refused: 403, 405...), `{ notify: 486 }` (202,
 * then a NOTIFY whose sipfrag failed), or `pending` (202 and no NOTIFY until `notifyTransfer()`).
 */
export type FakeTransferScript = 'complete' | number | { notify: number } | 'pending';

/** The far end of one fake call: what it received, and buttons to make it act. */
export class FakeFarEnd {
  /** Every DTMF digit received, in order. */
  readonly digits: string[] = [];
  /** The INVITE as the far end received it. */
  readonly request: OutboundRequest;
  microphoneEnabled = true;
  /** The caller has this far end on hold (its hold re-INVITE was accepted). */
  heldByCaller = false;
  /** The next hold or resume from the caller is refused with this status (then it is cleared). */
  refuseNextHold: number | undefined;
  /** What the far end does with the next REFER (default `complete`). */
  transferScript: FakeTransferScript = 'complete';
  /** The Refer-To of every REFER received, in order (as it would be on the wire). */
  readonly referredTo: string[] = [];
  private pendingTransfer: ((status: number) => void) | undefined;
  /** `cancel` or `bye` once the caller hung up. */
  hungUpWith: 'cancel' | 'bye' | undefined;
  /** The far end of the call this one is merged with (`phone.merge`): each hears the other. */
  mergedWith: FakeFarEnd | undefined;
  /** The next merge of this call fails with these words (then it is cleared). */
  refuseNextMerge: string | undefined;
  /** The Call-ID the fake INVITE carried. */
  readonly sipCallId: string;
  /** The microphone level (0-1) the call's meter reads while it is connected (`undefined`: unknown). */
  inputLevel: number | undefined = 0.3;
  /** The quality figures an answered call reports when it ends (a good call's, by default). */
  qualitySummary: CallQualitySummary = {
    mos: { min: 4.38, avg: 4.41 },
    packetLossPercent: 0,
    packetsLost: 0,
    jitterMs: { avg: 2.1, max: 4.5 },
    rttMs: { avg: 1.2, max: 2 },
    codec: 'opus',
    path: 'host',
    bytesSent: 96000,
    bytesReceived: 95000,
    warnings: [],
    samples: 12,
  };
  private answered = false;
  private over = false;

  /** @internal */
  constructor(
    request: OutboundRequest,
    private readonly listener: SessionListener,
    sequence: number,
  ) {
    this.request = request;
    this.sipCallId = `fake-${sequence}@vc-phone.invalid`;
  }

  ring(): void {
    if (!this.over && !this.answered) this.listener.progress(180, false);
  }
  earlyMedia(): void {
    if (!this.over && !this.answered) this.listener.progress(183, true);
  }
  answer(): void {
    if (this.over || this.answered) return;
    this.answered = true;
    this.listener.answered();
  }
  /** The far end puts the caller on hold (its re-INVITE with `a=sendonly`). */
  hold(): void {
    if (!this.over && this.answered) this.listener.remoteHoldChanged(true);
  }
  /** The far end takes the call back (`a=sendrecv`). */
  resume(): void {
    if (!this.over && this.answered) this.listener.remoteHoldChanged(false);
  }
  /**
   * Simulates a quality warning on the answered call (`raised` false clears it), with its figures:
   * `far.quality('no-audio-received')`, `far.quality('high-rtt', true, { rttMs: 620 })`.
   */
  quality(warning: QualityWarning, raised = true, figures: QualityFigures = {}): void {
    if (!this.over && this.answered) this.listener.qualityChanged?.({ warning, raised, figures });
  }
  /** Simulates the agent talking (or stopping) while the call is muted. */
  talkWhileMuted(talking = true): void {
    if (!this.over && this.answered) this.listener.talkingWhileMuted?.(talking);
  }
  /** An answered call reports its quality figures just before it ends (as the real engine does). */
  private reportQuality(): void {
    if (this.answered) this.listener.qualitySummary?.(this.qualitySummary);
  }
  /** Answers with a SIP error status (486 busy, 404 not found, 407, 408...). */
  reject(status: number): void {
    if (this.over || this.answered) return;
    this.over = true;
    this.listener.ended('remote', 'rejected', status);
  }
  /** The far end hangs up (BYE toward the caller). */
  hangUp(): void {
    if (this.over) return;
    this.over = true;
    this.reportQuality();
    this.listener.ended('remote', 'hangup');
  }
  /**
   * The far end answers with no audio the browser can use (a 200 OK without SDP): the call fails
   * as the real phone's does (`media-failed`, cause `answer-unusable`), never connected.
   */
  answerWithoutAudio(): void {
    if (this.over || this.answered) return;
    this.over = true;
    this.listener.ended('system', 'media-failed', undefined, ANSWER_UNUSABLE_WORDS, 'answer-unusable');
  }
  /**
   * The far end removes the audio from the answered call (a re-INVITE with audio port 0): the call
   * ends as the real phone ends it (`media-not-acceptable`, cause `audio-removed`).
   */
  removeAudio(): void {
    if (this.over || !this.answered) return;
    this.over = true;
    this.reportQuality();
    this.listener.ended('remote', 'media-not-acceptable', undefined, AUDIO_REMOVED_WORDS, 'audio-removed');
  }
  /** The caller's connection to the server drops and comes back (`true`, then `false`): the call carries on. */
  signallingInterrupted(interrupted: boolean): void {
    if (!this.over && this.answered) this.listener.signallingInterrupted(interrupted);
  }
  /** The connection to the server drops. */
  dropConnection(): void {
    if (this.over) return;
    this.over = true;
    this.reportQuality();
    this.listener.ended('system', 'connection-lost');
  }
  /** @internal */
  hangupFromCaller(): void {
    if (this.over) return;
    this.over = true;
    this.hungUpWith = this.answered ? 'bye' : 'cancel';
    this.reportQuality();
    if (this.answered) this.listener.ended('local', 'hangup');
    else this.listener.ended('local', 'cancelled', 487);
  }
  /** @internal */
  receiveDigit(digit: string): void {
    if (this.over) return;
    this.digits.push(digit);
    this.listener.dtmfSent(digit, this.request.dtmf);
  }
  get isOver(): boolean {
    return this.over;
  }
  /** The dialog of this call as its far end knows it (what a Replaces header names). */
  get dialog(): ConsultDialog {
    const n = this.sipCallId.replace(/\D/g, '');
    return { remoteTarget: `sip:far${n}@far.example.invalid`, callId: this.sipCallId, remoteTag: `far-tag-${n}`, localTag: `agent-tag-${n}` };
  }
  /** Reports the outcome of a `pending` transfer: the sipfrag status of the new call (200, 486...). */
  notifyTransfer(status: number): void {
    const pending = this.pendingTransfer;
    this.pendingTransfer = undefined;
    pending?.(status);
  }
  /** @internal The caller's REFER arrived. */
  async receiveRefer(referTo: string, target: string, accepted: () => void): Promise<void> {
    await settle();
    if (this.over) throw new Error('The call is over.');
    this.referredTo.push(referTo);
    const script = this.transferScript;
    if (typeof script === 'number') throw referRefused(script);
    accepted();
    let status = 200;
    if (script === 'pending') status = await new Promise<number>((resolve) => (this.pendingTransfer = resolve));
    else if (typeof script === 'object') status = script.notify;
    else await settle();
    if (status >= 300) throw targetFailed(target, status);
  }
}

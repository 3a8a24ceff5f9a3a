/**
 * One outbound call: its state machine, mute, DTMF, colour tag, timer and outcome. Placed by a
 * `Phone`, which hands it the engine to dial through; the engine's session reports back to the
 * call, and the call tells the world by events (each life-cycle fact, and `change`). A call
 * restored from storage after a reload has no session and is already final. What it shows
 * (identity, state, times, hold, transfer) is read through its base, `CallReadout` (call-readout.ts).
 */
import { factEvent, type CallFact } from './call-facts.js';
import type { CallQualitySummary, QualityChange } from './call-quality.js';
import { HoldChanges, type HoldingCall } from './call-hold.js';
import { CallQualityState } from './call-quality-state.js';
import { sessionListener, type ListeningCall } from './call-session-listener.js';
import type { OutboundRequest, OutboundSession, SessionListener, TelephonyEngine } from './engine.js';
import { checkColorName } from './color-name.js';
import { DTMF_DIGITS } from './dtmf-queue.js';
import { inputError } from './errors.js';
import { outcome as makeOutcome } from './sip-errors.js';
import { transferCall } from './call-transfer.js';
import type { CallEndCause, CallEndReason, CallOutcome, CallSnapshot, MediaStats, WrapUp } from './types.js';
import type { CallCut } from './tabs/tab-protocol.js';
import { mirroredProgress, snapshotOf } from './call-progress.js';
import { CallReadout, type CallInit } from './call-readout.js';

export type { TransferChecks } from './call-transfer.js';
export { checkColorName } from './color-name.js';

/**
 * A call. Listen for `change` to re-render. Each life-cycle fact is dispatched on the call as its
 * `vc-call-*` event too (and re-dispatched by its `Phone`, which is where a page listens).
 * @fires change - any property of the call changed
 */
export class Call extends CallReadout {
  private session: OutboundSession | undefined;
  private _hangingUp = false;
  private readonly holds: HoldChanges;
  private readonly listener: SessionListener;
  private _mergedWith: string | undefined;
  private readonly quality = new CallQualityState();

  /** @internal Use `phone.call()`. */
  constructor(init: CallInit) {
    super(init);
    // What the session's reports and the hold changes move (call-session-listener.ts, call-hold.ts).
    const inside: ListeningCall & HoldingCall = {
      progress: this.v,
      quality: this.quality,
      session: () => this.session,
      isFinal: () => this.isFinal,
      changed: (fact) => this.changed(fact),
      finish: (state, result) => this.finish(state, result),
    };
    this.listener = sessionListener(inside);
    this.holds = new HoldChanges(inside);
  }

  /** @internal Records the checked wrap-up (`phone.wrapUp()`), with its `vc-call-wrapped-up`. */
  recordWrapUp(wrapUp: WrapUp): void {
    if (!this.isFinal || this.v.wrapUp) return;
    this.v.wrapUp = wrapUp;
    this.changed({ type: 'wrapped-up', wrapUp });
  }

  /** The agent hung up and the far end has not confirmed yet (BYE or CANCEL under way). */
  get hangingUp(): boolean {
    return this._hangingUp && !this.isFinal;
  }

  /** Hangs up: CANCEL while ringing, BYE when connected. Does nothing once the call is over. */
  hangup(): void {
    if (this.isFinal || this._hangingUp) return;
    this._hangingUp = true;
    try {
      this.session?.hangup();
    } catch {
      // The engine could not tell the far end (its session threw): the call ends here all the same.
      this.finish('ended', makeOutcome('local', this.v.answeredAt === undefined ? 'cancelled' : 'hangup'));
    }
    // Over a slow network the answer to the BYE takes a while: let the box say so meanwhile.
    if (!this.isFinal) this.changed();
  }

  /** The id of the call this one is merged with (one conversation, see `phone.merge`). */
  get mergedWith(): string | undefined {
    return this.isFinal ? undefined : this._mergedWith;
  }

  /** @internal The engine's session (for a merge). */
  get outboundSession(): OutboundSession | undefined {
    return this.session;
  }

  /** @internal The phone merged this call with another (or split it): says so, with its event. */
  mergeChanged(otherCallId: string | undefined, fact?: CallFact): void {
    this._mergedWith = otherCallId;
    if (!this.isFinal) this.changed(fact);
  }

  /** A hold or resume was asked for and the other side has not answered yet. */
  get changingHold(): boolean {
    return this.holds.pending;
  }

  /**
   * Puts a connected call on hold: the other party hears nothing from the agent and the agent
   * hears nothing from them. Resolves once the other side accepted; rejects with an Error in
   * words when it refused or did not answer (the call stays as it was, and says so).
   */
  hold(): Promise<void> {
    return this.holds.set(true);
  }
  /** Takes a held call back. Resolves once the other side accepted; rejects with words otherwise. */
  resume(): Promise<void> {
    return this.holds.set(false);
  }

  /**
   * Transfers the other party of this connected call (SIP REFER). Blind: `to` is a number, a
   * `tel:` or a `sip:` address, checked exactly as `phone.call()` checks it (refused input throws
   * a {@link PhoneInputError}, dispatches `vc-input-error`, and nothing is sent). Attended: `to`
   * is the agent's connected consult call, and the two far ends are joined (REFER with Replaces).
   * Resolves once the transfer went through: this call (and the consult call) then end with the
   * reason `transferred`. Rejects with an Error in words when it did not; the call stays live.
   * Every step is reported as `vc-call-transfer`.
   */
  async transfer(to: string | Call): Promise<void> {
    await transferCall(this, to, this.transferChecks, {
      step: (transfer) => {
        this.v.transfer = transfer;
        this.changed({ type: 'transfer', ...transfer });
      },
      transferred: (words) => this.finish('ended', makeOutcome('local', 'transferred', undefined, words)),
    });
  }

  /** @internal This consult call's far end was joined with the original call: it ends as transferred. */
  endAsTransferred(words: string): void {
    this.endHere('local', 'transferred', words);
  }

  /** @internal Marks this call as the consult call of another (attended transfer). */
  markConsultFor(callId: string): void {
    this.v.consultFor = callId;
    this.changed();
  }

  mute(): void {
    this.setMuted(true);
  }
  unmute(): void {
    this.setMuted(false);
  }
  toggleMute(): void {
    this.setMuted(!this.v.muted);
  }

  setMuted(muted: boolean): void {
    if (this.isFinal || muted === this.v.muted) return;
    this.v.muted = muted;
    this.session?.setMicrophoneEnabled(!muted);
    this.changed({ type: 'mute', muted });
  }

  /**
   * Sends DTMF digits (0-9, *, #, A-D) on a connected call. Digits queue up and go out in order,
   * however fast they come. Throws a `PhoneInputError` for other characters or a call not connected.
   */
  sendDtmf(digits: string): void {
    if (!DTMF_DIGITS.test(digits) || digits.length > 64) {
      throw inputError('invalid-dtmf', 'digits', 'Only the keys 0-9, *, # (and A-D) can be sent as tones.');
    }
    if (this.v.state !== 'connected') {
      throw inputError('call-not-live', 'digits', 'Tones can only be sent once the call is connected.');
    }
    this.session?.sendDtmf(digits);
  }

  /** Packets and bytes sent and received on the call's audio path (undefined before media or after the end). */
  async getMediaStats(): Promise<MediaStats | undefined> {
    return this.session?.mediaStats();
  }

  /**
   * The microphone's level now (0-1, as Twilio's meter), while the call is connected; `undefined`
   * when it can't be measured. Read it per animation frame for a meter (it is not an event).
   */
  get inputLevel(): number | undefined {
    return this.v.state === 'connected' ? this.session?.inputLevel?.() : undefined;
  }

  /** The agent is talking while the call is muted (the microphone's level says so). */
  get talkingWhileMuted(): boolean {
    return this.quality.talking && this.v.muted && !this.isFinal;
  }

  /** The quality warnings raised now (no audio, silent microphone, loss, rtt, jitter, MOS), most urgent first. */
  get qualityWarnings(): QualityChange[] {
    return this.quality.warnings;
  }

  /** The call's quality figures, once an answered call has ended. */
  get qualitySummary(): CallQualitySummary | undefined {
    return this.quality.summary;
  }

  /** Tags the call's box with a colour name (e.g. `blue`), or removes the tag with `undefined`. */
  setColor(color: string | undefined): void {
    if (color !== undefined) checkColorName(color);
    if (color === this.v.color) return;
    this.v.color = color;
    this.changed({ type: 'color', color });
  }

  toJSON(): CallSnapshot {
    return snapshotOf(this, this.v);
  }

  /** @internal Dials through the engine; from here on the engine's session reports to this call. */
  dial(engine: TelephonyEngine, request: OutboundRequest): void {
    this.changed({ type: 'dialing' });
    this.session = engine.placeCall(request, this.listener);
  }

  /** @internal The page is going away: the call ends "by the reload" (or as `cut` says), and the far end is told. */
  cutByPageUnload(cut?: CallCut): void {
    this.endHere('system', 'reload', cut?.message, cut?.cause);
  }

  /** This side ends the call (for `reason`, in `words`), and the far end is told. */
  private endHere(endedBy: CallOutcome['endedBy'], reason: CallEndReason, words: string | undefined, cause?: CallEndCause): void {
    if (this.isFinal) return;
    const session = this.session;
    this.finish('ended', makeOutcome(endedBy, reason, undefined, words, cause));
    try {
      session?.hangup();
    } catch {
      // Ended here already; the far end could not be told.
    }
  }

  /** @internal A mirror of a call that another tab holds (tabs/mirror-call.ts) takes that tab's view of it. */
  protected takeView(s: CallSnapshot): void {
    Object.assign(this.v, mirroredProgress(s));
  }

  private finish(state: 'ended' | 'failed', result: CallOutcome): void {
    if (this.isFinal) return;
    this.v.state = state;
    this.v.endedAt = Date.now();
    this.v.outcome = result;
    this.session = undefined;
    this.quality.end();
    const quality = this.quality.summary;
    this.changed(quality ? { type: state, outcome: result, quality } : { type: state, outcome: result });
  }

  private changed(fact?: CallFact): void {
    if (fact) this.dispatchEvent(factEvent(this.toJSON(), fact));
    this.dispatchEvent(new Event('change'));
  }
}

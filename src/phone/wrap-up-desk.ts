/**
 * The phone's side of after-call work: which finished calls of this session still wait for their
 * wrap-up (with the timer and draft of each), recording one once checked (wrap-up.ts), and saving
 * what was entered when the timer runs out.
 * @internal
 */
import type { Call } from './call.js';
import { inputError } from './errors.js';
import type { PhoneConfig, WrapUpInput } from './types.js';
import { PendingWrapUps, checkWrapUp } from './wrap-up.js';

/** What the desk needs of its phone: its calls, its public `wrapUp()` (which announces refusals), where `change` goes. */
export interface WrapUpHost extends EventTarget {
  getCall(id: string): Call | undefined;
  wrapUp(callId: string, input: WrapUpInput): void;
}

export class WrapUpDesk {
  private readonly pending = new PendingWrapUps((callId, draft) => this.timedOut(callId, draft));

  constructor(
    private readonly phone: WrapUpHost,
    private readonly config: () => PhoneConfig,
  ) {}

  /** The wrap-up is offered after each call (`wrapUp`, or a list of `dispositions`). */
  get enabled(): boolean {
    const config = this.config();
    return config.wrapUp ?? (config.dispositions?.length ?? 0) > 0;
  }

  /** The finished calls whose wrap-up is still to do, oldest first. */
  get waiting(): Call[] {
    return this.pending.ids.map((id) => this.phone.getCall(id)).filter((call): call is Call => call !== undefined && !call.wrapUp);
  }

  /** Checks and records a call's wrap-up; throws a `PhoneInputError` for refused input. */
  record(callId: string, input: WrapUpInput): void {
    const call = this.phone.getCall(callId);
    if (!call) throw inputError('call-not-live', 'callId', 'There is no such call to wrap up.');
    if (!call.isFinal) throw inputError('call-not-live', 'callId', 'A call can be wrapped up once it has ended.');
    if (call.wrapUp) throw inputError('already-wrapped-up', 'callId', 'This call was already wrapped up.');
    const wrapUp = checkWrapUp(input, this.config(), call.endedAt);
    this.pending.forget(callId);
    call.recordWrapUp(wrapUp);
    this.phone.dispatchEvent(new Event('change')); // the next call waiting for its wrap-up, if any
  }

  /** What the agent has entered so far (saved if the timer runs out). */
  draft(callId: string, draft: WrapUpInput): void {
    this.pending.draft(callId, draft);
  }

  /** Epoch ms when a pending wrap-up's timer runs out (with `wrapUpSeconds`). */
  dueAt(callId: string): number | undefined {
    const seconds = this.config().wrapUpSeconds;
    const endedAt = this.phone.getCall(callId)?.endedAt;
    return seconds && endedAt !== undefined && this.pending.has(callId) ? endedAt + seconds * 1000 : undefined;
  }

  /** A call of this session ended: its wrap-up is due (when offered). */
  start(call: Call): void {
    if (!this.enabled || call.restored || call.wrapUp || this.pending.has(call.id)) return;
    this.pending.start(call.id, this.config().wrapUpSeconds);
    this.phone.dispatchEvent(new Event('change'));
  }

  forget(callId: string): void {
    this.pending.forget(callId);
  }

  clear(): void {
    this.pending.clear();
  }

  /** The timer ran out: what was entered is saved (without it, if the checks refuse it). */
  private timedOut(callId: string, draft: WrapUpInput): void {
    try {
      this.phone.wrapUp(callId, { ...draft, timedOut: true });
    } catch {
      if (!this.phone.getCall(callId)?.wrapUp) this.phone.wrapUp(callId, { timedOut: true });
    }
  }
}

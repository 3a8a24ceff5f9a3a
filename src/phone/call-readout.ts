/**
 * A call as it shows itself: who and what it is for, and how far it has got (state, times, mute,
 * hold, transfer...), read from its one progress record (call-progress.ts). The read-only half of
 * `Call`, which acts on the call and moves that record; kept apart so each half reads on its own.
 * @internal
 */
import type { TransferChecks } from './call-transfer.js';
import { dialingProgress, storedProgress, type CallProgress } from './call-progress.js';
import type { CallOutcome, CallRecord, CallerIdentity, CallSnapshot, CallState, CallTarget, TransferSnapshot, WrapUp } from './types.js';

const FINAL_STATES: ReadonlySet<CallState> = new Set(['ended', 'failed']);

/** A new call (placed by a `Phone`), or one restored from a snapshot. */
export type CallInit =
  | { id: string; target: CallTarget; from?: CallerIdentity; color?: string; label?: string; record?: CallRecord; transferChecks?: TransferChecks }
  | { snapshot: CallSnapshot; restored?: boolean };

export class CallReadout extends EventTarget {
  readonly id: string;
  readonly target: CallTarget;
  readonly from?: CallerIdentity;
  /** The contact's name (the box title); never sent on the wire. */
  readonly label?: string;
  /** The CRM's own data for this call, carried in every event; never sent on the wire. */
  readonly record?: CallRecord;
  readonly startedAt: number;
  /** True for a box restored from storage after a reload. */
  readonly restored: boolean;
  /** What the call shows that changes as it goes on (call-progress.ts). */
  protected readonly v: CallProgress;
  /** What the phone checks a transfer's target with (a new call's; a restored call has none). */
  protected readonly transferChecks: TransferChecks | undefined;

  constructor(init: CallInit) {
    super();
    if ('snapshot' in init) {
      const s = init.snapshot;
      this.id = s.id;
      this.target = s.target;
      this.from = s.from;
      this.label = typeof s.label === 'string' ? s.label : undefined;
      this.record = s.record;
      this.startedAt = s.startedAt;
      this.v = storedProgress(s);
      this.restored = init.restored ?? true;
    } else {
      this.id = init.id;
      this.target = init.target;
      this.from = init.from;
      this.label = init.label;
      this.record = init.record;
      this.v = dialingProgress(init.color);
      this.transferChecks = init.transferChecks;
      this.startedAt = Date.now();
      this.restored = false;
    }
  }

  get state(): CallState {
    return this.v.state;
  }
  /** The call is over (ended or failed). */
  get isFinal(): boolean {
    return FINAL_STATES.has(this.v.state);
  }
  /** Dialing, ringing or connected: hanging up would end something. */
  get isLive(): boolean {
    return !this.isFinal;
  }
  get muted(): boolean {
    return this.v.muted;
  }
  get color(): string | undefined {
    return this.v.color;
  }
  get answeredAt(): number | undefined {
    return this.v.answeredAt;
  }
  get endedAt(): number | undefined {
    return this.v.endedAt;
  }
  get outcome(): CallOutcome | undefined {
    return this.v.outcome;
  }
  get sipCallId(): string | undefined {
    return this.v.sipCallId;
  }
  /** The agent's after-call work (notes, disposition), once done: `phone.wrapUp()`. */
  get wrapUp(): WrapUp | undefined {
    return this.v.wrapUp;
  }
  /** Talk time in ms: from the answer to the end (or to now while connected). */
  get durationMs(): number {
    if (this.v.answeredAt === undefined) return 0;
    return (this.v.endedAt ?? Date.now()) - this.v.answeredAt;
  }

  /**
   * The connection to the SIP server dropped under this connected call: its audio flows on, and
   * the phone is reconnecting (the call ends in words if that takes longer than the window).
   */
  get reconnecting(): boolean {
    return this.v.reconnecting && !this.isFinal;
  }

  /** This side put the call on hold. */
  get held(): boolean {
    return this.v.held;
  }
  /** The other party put the call on hold. */
  get heldByRemote(): boolean {
    return this.v.heldByRemote;
  }
  /** Since when the call is on hold (either side), for the box's hold timer. */
  get holdStartedAt(): number | undefined {
    return this.v.holdStartedAt;
  }

  /** The latest transfer of this call (where to, how far it got, why it failed). */
  get transferStatus(): TransferSnapshot | undefined {
    return this.v.transfer;
  }
  /** A transfer was asked for and has not succeeded or failed yet. */
  get transferring(): boolean {
    return !this.isFinal && (this.v.transfer?.state === 'requested' || this.v.transfer?.state === 'accepted');
  }
  /** For a consult call: the id of the call it may be joined with (attended transfer). */
  get consultFor(): string | undefined {
    return this.v.consultFor;
  }
}

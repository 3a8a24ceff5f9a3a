/**
 * How far a call has got, as one record: what it shows that changes while it goes on (state,
 * mute, colour, times, outcome, hold, transfer...). A call keeps its progress here; a call
 * restored from storage and a mirror of another tab's call take theirs from a snapshot, and
 * every snapshot is written from it. (Not the tabs' `CallView` message, tabs/tab-protocol.ts.)
 * @internal
 */
import type { CallOutcome, CallRecord, CallerIdentity, CallSnapshot, CallState, CallTarget, TransferSnapshot, WrapUp } from './types.js';

export interface CallProgress {
  state: CallState;
  muted: boolean;
  color?: string | undefined;
  answeredAt?: number | undefined;
  endedAt?: number | undefined;
  outcome?: CallOutcome | undefined;
  wrapUp?: WrapUp | undefined;
  sipCallId?: string | undefined;
  /** The connection dropped under the connected call (see `call.reconnecting`). */
  reconnecting: boolean;
  held: boolean;
  heldByRemote: boolean;
  holdStartedAt?: number | undefined;
  transfer?: TransferSnapshot | undefined;
  consultFor?: string | undefined;
}

/** What a snapshot says of a call beside its progress (and what its getters work out). */
export interface CallIdentity {
  readonly id: string;
  readonly target: CallTarget;
  readonly from?: CallerIdentity | undefined;
  readonly label?: string | undefined;
  readonly record?: CallRecord | undefined;
  readonly startedAt: number;
  readonly restored: boolean;
  readonly durationMs: number;
  readonly reconnecting: boolean;
  readonly mergedWith: string | undefined;
}

/** A new call's progress: dialing, with its colour tag. */
export function dialingProgress(color: string | undefined): CallProgress {
  return { state: 'dialing', muted: false, color, reconnecting: false, held: false, heldByRemote: false };
}

/** A stored call's progress (a call is never reconnecting once restored). */
export function storedProgress(s: CallSnapshot): CallProgress {
  return { ...mirroredProgress(s), reconnecting: false, wrapUp: s.wrapUp, transfer: s.transfer, consultFor: s.consultFor };
}

/** What a mirror of another tab's call takes from that tab's snapshot of it. */
export function mirroredProgress(s: CallSnapshot): Omit<CallProgress, 'wrapUp' | 'transfer' | 'consultFor'> {
  return {
    state: s.state,
    muted: s.muted,
    color: s.color,
    answeredAt: s.answeredAt,
    endedAt: s.endedAt,
    outcome: s.outcome,
    sipCallId: s.sipCallId,
    held: s.held === true,
    heldByRemote: s.heldByRemote === true,
    holdStartedAt: s.holdStartedAt,
    reconnecting: s.reconnecting === true,
  };
}

/** The call as JSON: what is saved, mirrored to other tabs and carried in every event. */
export function snapshotOf(call: CallIdentity, progress: CallProgress): CallSnapshot {
  const snapshot: CallSnapshot = {
    id: call.id,
    target: call.target,
    state: progress.state,
    muted: progress.muted,
    startedAt: call.startedAt,
    durationMs: call.durationMs,
  };
  if (call.from) snapshot.from = call.from;
  if (call.label !== undefined) snapshot.label = call.label;
  if (call.record !== undefined) snapshot.record = call.record;
  if (progress.color) snapshot.color = progress.color;
  if (progress.answeredAt !== undefined) snapshot.answeredAt = progress.answeredAt;
  if (progress.endedAt !== undefined) snapshot.endedAt = progress.endedAt;
  if (progress.outcome) snapshot.outcome = progress.outcome;
  if (progress.wrapUp) snapshot.wrapUp = progress.wrapUp;
  if (progress.sipCallId) snapshot.sipCallId = progress.sipCallId;
  if (call.restored) snapshot.restored = true;
  if (progress.held) snapshot.held = true;
  if (call.reconnecting) snapshot.reconnecting = true;
  if (progress.heldByRemote) snapshot.heldByRemote = true;
  if (progress.holdStartedAt !== undefined) snapshot.holdStartedAt = progress.holdStartedAt;
  if (progress.transfer) snapshot.transfer = progress.transfer;
  if (progress.consultFor) snapshot.consultFor = progress.consultFor;
  if (call.mergedWith) snapshot.mergedWith = call.mergedWith;
  return snapshot;
}

/** The hold timer runs while either side holds the call (from the first hold until neither does). */
export function holdMoved(progress: CallProgress): void {
  if (!(progress.held || progress.heldByRemote)) progress.holdStartedAt = undefined;
  else progress.holdStartedAt ??= Date.now();
}

/**
 * What a call shows that changes while it goes on, as one record: its state, mute, colour,
 * times, outcome, hold, transfer... A call keeps its view here; a call restored from storage and
 * a mirror of another tab's call take theirs from a snapshot, and every snapshot is written from it.
 * @internal
 */
import type { CallOutcome, CallRecord, CallerIdentity, CallSnapshot, CallState, CallTarget, TransferSnapshot, WrapUp } from './types.js';

export interface CallView {
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

/** What a snapshot says of a call beside its view (and what its getters work out). */
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

/** A new call's view: dialing, with its colour tag. */
export function dialingView(color: string | undefined): CallView {
  return { state: 'dialing', muted: false, color, reconnecting: false, held: false, heldByRemote: false };
}

/** A stored call's view (a call is never reconnecting once restored). */
export function storedView(s: CallSnapshot): CallView {
  return { ...mirroredView(s), reconnecting: false, wrapUp: s.wrapUp, transfer: s.transfer, consultFor: s.consultFor };
}

/** What a mirror of another tab's call takes from that tab's snapshot of it. */
export function mirroredView(s: CallSnapshot): Omit<CallView, 'wrapUp' | 'transfer' | 'consultFor'> {
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
export function snapshotOf(call: CallIdentity, view: CallView): CallSnapshot {
  const snapshot: CallSnapshot = {
    id: call.id,
    target: call.target,
    state: view.state,
    muted: view.muted,
    startedAt: call.startedAt,
    durationMs: call.durationMs,
  };
  if (call.from) snapshot.from = call.from;
  if (call.label !== undefined) snapshot.label = call.label;
  if (call.record !== undefined) snapshot.record = call.record;
  if (view.color) snapshot.color = view.color;
  if (view.answeredAt !== undefined) snapshot.answeredAt = view.answeredAt;
  if (view.endedAt !== undefined) snapshot.endedAt = view.endedAt;
  if (view.outcome) snapshot.outcome = view.outcome;
  if (view.wrapUp) snapshot.wrapUp = view.wrapUp;
  if (view.sipCallId) snapshot.sipCallId = view.sipCallId;
  if (call.restored) snapshot.restored = true;
  if (view.held) snapshot.held = true;
  if (call.reconnecting) snapshot.reconnecting = true;
  if (view.heldByRemote) snapshot.heldByRemote = true;
  if (view.holdStartedAt !== undefined) snapshot.holdStartedAt = view.holdStartedAt;
  if (view.transfer) snapshot.transfer = view.transfer;
  if (view.consultFor) snapshot.consultFor = view.consultFor;
  if (call.mergedWith) snapshot.mergedWith = call.mergedWith;
  return snapshot;
}

/** The hold timer runs while either side holds the call (from the first hold until neither does). */
export function holdMoved(view: CallView): void {
  if (!(view.held || view.heldByRemote)) view.holdStartedAt = undefined;
  else view.holdStartedAt ??= Date.now();
}

/**
 * The one table from a call's life-cycle fact to its event. A `Call` dispatches these events on
 * itself; the `Phone` re-dispatches them, saves the call and derives the webhook's `data` from
 * the event's detail (so each fact is written once).
 * @internal
 */
import {
  VcCallAnsweredEvent,
  VcCallColorEvent,
  VcCallDialingEvent,
  VcCallDtmfEvent,
  VcCallEndedEvent,
  VcCallFailedEvent,
  VcCallHeldEvent,
  VcCallMergedEvent,
  VcCallMuteEvent,
  VcCallQualityEvent,
  VcCallResumedEvent,
  VcCallRingingEvent,
  VcCallTransferEvent,
  VcCallSplitEvent,
  type CallEventDetail,
  type HoldParty,
  type SplitReason,
} from '../events/call-lifecycle-events.js';
import type { VcEvent } from '../events/vc-event.js';
import { VcCallWrappedUpEvent } from '../events/crm-events.js';
import type { CallQualitySummary, QualityChange } from './call-quality.js';
import type { CallOutcome, CallSnapshot, DtmfMode, TransferSnapshot, WrapUp } from './types.js';

/** A life-cycle fact worth an event, with what it says besides the call itself. */
export type CallFact =
  | { type: 'dialing' }
  | { type: 'ringing'; earlyMedia: boolean }
  | { type: 'answered' }
  | { type: 'dtmf'; digit: string; method: DtmfMode }
  | { type: 'mute'; muted: boolean }
  | { type: 'held'; by: HoldParty }
  | { type: 'resumed'; by: HoldParty }
  | { type: 'merged'; otherCallId: string }
  | { type: 'split'; otherCallId: string; reason: SplitReason }
  | { type: 'color'; color: string | undefined }
  | ({ type: 'transfer' } & TransferSnapshot)
  | ({ type: 'quality' } & QualityChange)
  | { type: 'ended'; outcome: CallOutcome; quality?: CallQualitySummary }
  | { type: 'failed'; outcome: CallOutcome; quality?: CallQualitySummary }
  | { type: 'wrapped-up'; wrapUp: WrapUp };

type FactEventClass = { readonly eventName: string } & (new (detail: never) => VcEvent<CallEventDetail>);

const FACT_EVENTS: Record<CallFact['type'], FactEventClass> = {
  dialing: VcCallDialingEvent,
  ringing: VcCallRingingEvent,
  answered: VcCallAnsweredEvent,
  dtmf: VcCallDtmfEvent,
  mute: VcCallMuteEvent,
  held: VcCallHeldEvent,
  resumed: VcCallResumedEvent,
  merged: VcCallMergedEvent,
  split: VcCallSplitEvent,
  color: VcCallColorEvent,
  transfer: VcCallTransferEvent,
  quality: VcCallQualityEvent,
  ended: VcCallEndedEvent,
  failed: VcCallFailedEvent,
  'wrapped-up': VcCallWrappedUpEvent,
};

/** The names of every event a call dispatches for a fact. */
export const CALL_FACT_EVENTS: readonly string[] = Object.values(FACT_EVENTS).map((event) => event.eventName);

const EVENTS_BY_NAME = new Map(Object.values(FACT_EVENTS).map((event) => [event.eventName, event]));

/** The event named `name` with this detail (a fact another tab saw), or undefined for a name that is not a fact. */
export function factEventNamed(name: string, detail: CallEventDetail): VcEvent<CallEventDetail> | undefined {
  const EventClass = EVENTS_BY_NAME.get(name) as unknown as (new (detail: CallEventDetail) => VcEvent<CallEventDetail>) | undefined;
  return EventClass && new EventClass(detail);
}

/** The event for a fact about a call (as it is now). */
export function factEvent(call: CallSnapshot, fact: CallFact): VcEvent<CallEventDetail> {
  const { type, ...facts } = fact;
  const EventClass = FACT_EVENTS[type] as unknown as new (detail: CallEventDetail) => VcEvent<CallEventDetail>;
  return new EventClass({ call, ...facts });
}

/** What an event says besides the call (a removed colour is `null`, so JSON keeps it). */
export function factData(detail: CallEventDetail): Record<string, unknown> | undefined {
  const { call: _call, ...facts } = detail as CallEventDetail & Record<string, unknown>;
  void _call;
  const entries = Object.entries(facts);
  return entries.length ? Object.fromEntries(entries.map(([name, value]) => [name, value ?? null])) : undefined;
}

/**
 * Call life-cycle facts. Dispatched once by the `Phone` (and forwarded once as DOM events by the
 * element that provides it), so a CRM can log every call from these events alone.
 */
import type { CallOutcome, CallSnapshot, ConnectionReason, ConnectionState } from '../phone/types.js';
import type { DtmfMode, TransferSnapshot } from '../phone/types.js';
import type { CallQualitySummary, QualityFigures, QualityWarning } from '../phone/call-quality.js';
import { VcEvent } from './vc-event.js';

export interface CallEventDetail {
  call: CallSnapshot;
}

/** The call was placed: the phone is getting the microphone and sending the INVITE. */
export class VcCallDialingEvent extends VcEvent<CallEventDetail> {
  static override readonly eventName = 'vc-call-dialing';
}

/** The far end is ringing (180), or is playing early media (183 with audio). */
export class VcCallRingingEvent extends VcEvent<CallEventDetail & { earlyMedia: boolean }> {
  static override readonly eventName = 'vc-call-ringing';
}

/** The far end answered (200 OK, ACK sent). */
export class VcCallAnsweredEvent extends VcEvent<CallEventDetail> {
  static override readonly eventName = 'vc-call-answered';
}

/** A DTMF digit went out on the call. */
export class VcCallDtmfEvent extends VcEvent<CallEventDetail & { digit: string; method: DtmfMode }> {
  static override readonly eventName = 'vc-call-dtmf';
}

/** The call's microphone was muted or un-muted. */
export class VcCallMuteEvent extends VcEvent<CallEventDetail & { muted: boolean }> {
  static override readonly eventName = 'vc-call-mute';
}

/** Who put a call on hold, or took it back: this side (`local`) or the other party (`remote`). */
export type HoldParty = 'local' | 'remote';

/** The call was put on hold: by the agent (re-INVITE `a=sendonly` accepted) or by the other party. */
export class VcCallHeldEvent extends VcEvent<CallEventDetail & { by: HoldParty }> {
  static override readonly eventName = 'vc-call-held';
}

/** A held call was taken back (by whoever had held it). */
export class VcCallResumedEvent extends VcEvent<CallEventDetail & { by: HoldParty }> {
  static override readonly eventName = 'vc-call-resumed';
}

/**
 * A transfer of the call moved on: `requested` (REFER sent), `accepted` (the other side took it
 * on), `failed` (the call is still live; `message` says why) or `completed` (the call was handed
 * over; `vc-call-ended` with reason `transferred` follows).
 */
export class VcCallTransferEvent extends VcEvent<CallEventDetail & TransferSnapshot> {
  static override readonly eventName = 'vc-call-transfer';
}

/** Why a merge ended: the agent split it, or one of its calls ended. */
export type SplitReason = 'split' | 'call-ended';

/**
 * The call was merged with another into one conversation (mixed in the browser): each far end
 * hears the agent and the other party. Dispatched for each of the two calls; `otherCallId` is the other one.
 */
export class VcCallMergedEvent extends VcEvent<CallEventDetail & { otherCallId: string }> {
  static override readonly eventName = 'vc-call-merged';
}

/** A merged call is on its own again: the agent split the merge, or the other call ended (`reason`). */
export class VcCallSplitEvent extends VcEvent<CallEventDetail & { otherCallId: string; reason: SplitReason }> {
  static override readonly eventName = 'vc-call-split';
}

/** The call's colour tag changed. */
export class VcCallColorEvent extends VcEvent<CallEventDetail & { color: string | undefined }> {
  static override readonly eventName = 'vc-call-color';
}

/**
 * A quality warning was raised or cleared on a connected call: no audio arriving or leaving for
 * 3 s, a silent microphone (10 s), packet loss, round trip, jitter or MOS past Twilio's thresholds.
 */
export class VcCallQualityEvent extends VcEvent<CallEventDetail & { warning: QualityWarning; raised: boolean; figures: QualityFigures }> {
  static override readonly eventName = 'vc-call-quality';
}

/**
 * The call ended after being placed: hung up by the agent, by the far end, or cut by the system.
 * An answered call carries its quality figures (`quality`: MOS, loss, jitter, rtt, codec, path, bytes).
 */
export class VcCallEndedEvent extends VcEvent<CallEventDetail & { outcome: CallOutcome; quality?: CallQualitySummary }> {
  static override readonly eventName = 'vc-call-ended';
}

/** The call could not be connected: busy, not found, no answer, authentication, microphone... */
export class VcCallFailedEvent extends VcEvent<CallEventDetail & { outcome: CallOutcome; quality?: CallQualitySummary }> {
  static override readonly eventName = 'vc-call-failed';
}

/** A finished call's record was removed for good (the bin). */
export class VcCallRemovedEvent extends VcEvent<CallEventDetail> {
  static override readonly eventName = 'vc-call-removed';
}

/**
 * The connection to the SIP server changed. `message`: English words when it is not fine (for
 * logs); `reason`: why, as a code a program can act on or put in its own words (`lost`,
 * `unreachable`, `paused`, `blocked`; see `ConnectionReason`); `retryAt`: when the next
 * reconnect attempt is due (epoch ms).
 */
export class VcConnectionChangeEvent extends VcEvent<{ state: ConnectionState; message?: string; reason?: ConnectionReason; retryAt?: number }> {
  static override readonly eventName = 'vc-connection-change';
}

/**
 * Call life-cycle facts. Dispatched once by the `Phone` (and forwarded once as DOM events by the
 * element that provides it), so a CRM can log every call from these events alone.
 */
import type { CallOutcome, CallSnapshot, ConnectionState } from '../phone/types.js';
import type { DtmfMode } from '../phone/types.js';
import { VcEvent } from './vc-event.js';

export interface CallEventDetail {
  call: CallSnapshot;
}

/** The call was placed: the phone is getting the microphone and sending the INVITE. */
export class VcCallDialingEvent extends VcEvent<CallEventDetail> {
  static readonly eventName = 'vc-call-dialing';
  constructor(detail: CallEventDetail) {
    super(VcCallDialingEvent.eventName, detail);
  }
  clone() {
    return new VcCallDialingEvent(this.detail);
  }
}

/** The far end is ringing (180), or is playing early media (183 with audio). */
export class VcCallRingingEvent extends VcEvent<CallEventDetail & { earlyMedia: boolean }> {
  static readonly eventName = 'vc-call-ringing';
  constructor(detail: CallEventDetail & { earlyMedia: boolean }) {
    super(VcCallRingingEvent.eventName, detail);
  }
  clone() {
    return new VcCallRingingEvent(this.detail);
  }
}

/** The far end answered (200 OK, ACK sent). */
export class VcCallAnsweredEvent extends VcEvent<CallEventDetail> {
  static readonly eventName = 'vc-call-answered';
  constructor(detail: CallEventDetail) {
    super(VcCallAnsweredEvent.eventName, detail);
  }
  clone() {
    return new VcCallAnsweredEvent(this.detail);
  }
}

/** A DTMF digit went out on the call. */
export class VcCallDtmfEvent extends VcEvent<CallEventDetail & { digit: string; method: DtmfMode }> {
  static readonly eventName = 'vc-call-dtmf';
  constructor(detail: CallEventDetail & { digit: string; method: DtmfMode }) {
    super(VcCallDtmfEvent.eventName, detail);
  }
  clone() {
    return new VcCallDtmfEvent(this.detail);
  }
}

/** The call's microphone was muted or un-muted. */
export class VcCallMuteEvent extends VcEvent<CallEventDetail & { muted: boolean }> {
  static readonly eventName = 'vc-call-mute';
  constructor(detail: CallEventDetail & { muted: boolean }) {
    super(VcCallMuteEvent.eventName, detail);
  }
  clone() {
    return new VcCallMuteEvent(this.detail);
  }
}

/** The call's colour tag changed. */
export class VcCallColorEvent extends VcEvent<CallEventDetail & { color: string | undefined }> {
  static readonly eventName = 'vc-call-color';
  constructor(detail: CallEventDetail & { color: string | undefined }) {
    super(VcCallColorEvent.eventName, detail);
  }
  clone() {
    return new VcCallColorEvent(this.detail);
  }
}

/** The call ended after being placed: hung up by the agent, by the far end, or cut by the system. */
export class VcCallEndedEvent extends VcEvent<CallEventDetail & { outcome: CallOutcome }> {
  static readonly eventName = 'vc-call-ended';
  constructor(detail: CallEventDetail & { outcome: CallOutcome }) {
    super(VcCallEndedEvent.eventName, detail);
  }
  clone() {
    return new VcCallEndedEvent(this.detail);
  }
}

/** The call could not be connected: busy, not found, no answer, authentication, microphone... */
export class VcCallFailedEvent extends VcEvent<CallEventDetail & { outcome: CallOutcome }> {
  static readonly eventName = 'vc-call-failed';
  constructor(detail: CallEventDetail & { outcome: CallOutcome }) {
    super(VcCallFailedEvent.eventName, detail);
  }
  clone() {
    return new VcCallFailedEvent(this.detail);
  }
}

/** A finished call's record was removed for good (the bin). */
export class VcCallRemovedEvent extends VcEvent<CallEventDetail> {
  static readonly eventName = 'vc-call-removed';
  constructor(detail: CallEventDetail) {
    super(VcCallRemovedEvent.eventName, detail);
  }
  clone() {
    return new VcCallRemovedEvent(this.detail);
  }
}

/** The connection to the SIP server changed. */
export class VcConnectionChangeEvent extends VcEvent<{ state: ConnectionState; message?: string }> {
  static readonly eventName = 'vc-connection-change';
  constructor(detail: { state: ConnectionState; message?: string }) {
    super(VcConnectionChangeEvent.eventName, detail);
  }
  clone() {
    return new VcConnectionChangeEvent(this.detail);
  }
}

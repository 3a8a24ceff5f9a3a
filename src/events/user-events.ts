/** Events for what the agent did in an element (dispatched by the element, once). */
import type { CallTarget } from '../phone/types.js';
import { VcEvent } from './vc-event.js';

/** The agent asked to place a call. Cancelable: `preventDefault()` stops the call. */
export class VcCallRequestEvent extends VcEvent<{ to: string; target: CallTarget }> {
  static readonly eventName = 'vc-call-request';
  constructor(detail: { to: string; target: CallTarget }) {
    super(VcCallRequestEvent.eventName, detail, true);
  }
  clone() {
    return new VcCallRequestEvent(this.detail);
  }
}

/** The agent pressed a dialpad key (or typed a digit) on a call. */
export class VcDtmfEvent extends VcEvent<{ callId: string; digit: string }> {
  static readonly eventName = 'vc-dtmf';
  constructor(detail: { callId: string; digit: string }) {
    super(VcDtmfEvent.eventName, detail);
  }
  clone() {
    return new VcDtmfEvent(this.detail);
  }
}

/** The agent toggled mute on a call. */
export class VcMuteChangeEvent extends VcEvent<{ callId: string; muted: boolean }> {
  static readonly eventName = 'vc-mute-change';
  constructor(detail: { callId: string; muted: boolean }) {
    super(VcMuteChangeEvent.eventName, detail);
  }
  clone() {
    return new VcMuteChangeEvent(this.detail);
  }
}

/** The agent picked a colour tag for a call's box. */
export class VcColorChangeEvent extends VcEvent<{ callId: string; color: string | undefined }> {
  static readonly eventName = 'vc-color-change';
  constructor(detail: { callId: string; color: string | undefined }) {
    super(VcColorChangeEvent.eventName, detail);
  }
  clone() {
    return new VcColorChangeEvent(this.detail);
  }
}

/** The agent closed a call's box (X); `hangup` is true when that hung up a live call. */
export class VcBoxCloseEvent extends VcEvent<{ callId: string; hangup: boolean }> {
  static readonly eventName = 'vc-box-close';
  constructor(detail: { callId: string; hangup: boolean }) {
    super(VcBoxCloseEvent.eventName, detail);
  }
  clone() {
    return new VcBoxCloseEvent(this.detail);
  }
}

/** The agent removed a finished call's box (bin). */
export class VcBoxRemoveEvent extends VcEvent<{ callId: string }> {
  static readonly eventName = 'vc-box-remove';
  constructor(detail: { callId: string }) {
    super(VcBoxRemoveEvent.eventName, detail);
  }
  clone() {
    return new VcBoxRemoveEvent(this.detail);
  }
}

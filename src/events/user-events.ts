/** Events for what the agent did in an element (dispatched by the element, once). */
import type { CallerIdentity, CallRecord, CallTarget } from '../phone/types.js';
import { VcEvent } from './vc-event.js';

/**
 * A call is about to be placed: from the place-call field, a click-to-dial link, "Call again",
 * or `phone.call()` from code. Cancelable: `preventDefault()` stops the call (nothing is sent).
 */
export class VcCallRequestEvent extends VcEvent<{ to: string; target: CallTarget; label?: string; record?: CallRecord; from?: CallerIdentity | string }> {
  static override readonly eventName = 'vc-call-request';
  static override readonly cancelable = true;
}

/** The agent pressed a dialpad key (or typed a digit) on a call. */
export class VcDtmfEvent extends VcEvent<{ callId: string; digit: string }> {
  static override readonly eventName = 'vc-dtmf';
}

/** The agent toggled mute on a call. */
export class VcMuteChangeEvent extends VcEvent<{ callId: string; muted: boolean }> {
  static override readonly eventName = 'vc-mute-change';
}

/** The agent picked a colour tag for a call's box. */
export class VcColorChangeEvent extends VcEvent<{ callId: string; color: string | undefined }> {
  static override readonly eventName = 'vc-color-change';
}

/** The agent closed a call's box (X); `hangup` is true when that hung up a live call. */
export class VcBoxCloseEvent extends VcEvent<{ callId: string; hangup: boolean }> {
  static override readonly eventName = 'vc-box-close';
}

/** The agent removed a finished call's box (bin). */
export class VcBoxRemoveEvent extends VcEvent<{ callId: string }> {
  static override readonly eventName = 'vc-box-remove';
}

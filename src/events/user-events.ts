/** Events for what the agent did in an element (dispatched by the element, once). */
import { VcEvent } from './vc-event.js';

// Its own module: the place-call field (first paint) needs it, the others load with the call boxes.
export { VcCallRequestEvent } from './call-request-event.js';

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

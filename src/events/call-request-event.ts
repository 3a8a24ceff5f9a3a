/** `vc-call-request` (re-exported by `user-events.ts`). */
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

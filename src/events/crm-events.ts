/** Events of the CRM workflow. */
import type { WrapUp } from '../phone/types.js';
import type { CallEventDetail } from './call-lifecycle-events.js';
import { VcEvent } from './vc-event.js';

/** The agent finished the after-call work: notes and disposition (also in the webhook and the history). */
export class VcCallWrappedUpEvent extends VcEvent<CallEventDetail & { wrapUp: WrapUp }> {
  static override readonly eventName = 'vc-call-wrapped-up';
}

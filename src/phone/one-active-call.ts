/**
 * Only one call hears the agent: when the agent's call is answered, or taken back from hold, every
 * other connected call is put on hold (on the wire), so no far end hears a conversation meant for
 * another. On by default (`autoHold: false` turns it off, e.g. for a supervisor's barge-in page).
 * @internal
 */
import type { VcCallAnsweredEvent, VcCallResumedEvent } from '../events/call-lifecycle-events.js';
import type { Call } from './call.js';

interface CallSource extends EventTarget {
  readonly calls: readonly Call[];
}

export class OneActiveCall {
  constructor(
    private readonly phone: CallSource,
    private readonly enabled: () => boolean,
    private readonly warn: (message: string) => void = (message) => console.warn(`vc-phone: ${message}`),
  ) {
    phone.addEventListener('vc-call-answered', this.onActive);
    phone.addEventListener('vc-call-resumed', this.onActive);
  }

  /** The call that hears the agent: connected and not held by the agent (the newest, if several). */
  get activeCall(): Call | undefined {
    return this.phone.calls.find((call) => call.state === 'connected' && !call.held);
  }

  private readonly onActive = (event: Event): void => {
    const { detail } = event as VcCallAnsweredEvent | VcCallResumedEvent;
    if (!this.enabled() || ('by' in detail && detail.by !== 'local')) return;
    for (const call of this.phone.calls) {
      if (call.id === detail.call.id || call.state !== 'connected' || call.held || call.changingHold) continue;
      // A merged call's other leg is part of the same conversation.
      if (call.mergedWith === detail.call.id) continue;
      call.hold().catch((error: Error) => this.warn(`another call was answered, but this one could not be put on hold: ${error.message}`));
    }
  };
}

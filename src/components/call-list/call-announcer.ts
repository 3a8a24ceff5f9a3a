import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallEventDetail } from '../../events/call-lifecycle-events.js';
import type { Phone } from '../../phone/phone.js';
import { announcementAbout } from '../call-box/call-words.js';
import { mergeAnnouncementAbout } from '../call-box/merge-controls.js';

/** The phone's facts worth saying out loud, and what each one says. */
const SPOKEN = {
  'vc-call-dialing': 'dialing',
  'vc-call-ringing': 'ringing',
  'vc-call-answered': 'connected',
  'vc-call-held': 'held',
  'vc-call-resumed': 'resumed',
  'vc-call-ended': 'ended',
  'vc-call-failed': 'ended',
  'vc-call-merged': 'merged',
  'vc-call-split': 'split',
} as const;

/**
 * One polite live region for every call of a phone: listens to the phone's life-cycle facts and
 * keeps `text` at the latest sentence ("Call with Alice connected"). A ringing call is announced
 * once (not again for early media). `onFinal` runs when a call ends, so the list folds its box.
 */
export class CallAnnouncer implements ReactiveController {
  /** The sentence the live region says now. */
  text = '';
  private listeningTo: Phone | undefined;
  private readonly rung = new Set<string>();

  constructor(
    /** The element that speaks: the sentence is in its locale. */
    private readonly host: ReactiveControllerHost & { inLocale<T>(work: () => T): T },
    private readonly phone: () => Phone | undefined,
    private readonly onFinal: () => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.follow(this.phone());
  }

  hostDisconnected(): void {
    this.follow(undefined);
  }

  private follow(phone: Phone | undefined): void {
    if (phone === this.listeningTo) return;
    for (const type of Object.keys(SPOKEN)) {
      this.listeningTo?.removeEventListener(type, this.onFact);
      phone?.addEventListener(type, this.onFact);
    }
    this.listeningTo = phone;
  }

  private readonly onFact = (event: Event): void => {
    const what = SPOKEN[event.type as keyof typeof SPOKEN];
    const id = (event as CustomEvent<CallEventDetail>).detail.call.id;
    const call = this.listeningTo?.getCall(id);
    if (what === 'ended') {
      this.rung.delete(id);
      this.onFinal();
    }
    if (!call) return;
    if (what === 'ringing') {
      if (this.rung.has(id)) return;
      this.rung.add(id);
    }
    this.text = this.host.inLocale(() => (what === 'merged' || what === 'split' ? mergeAnnouncementAbout(this.listeningTo, call, (event as CustomEvent<{ otherCallId: string }>).detail.otherCallId) : announcementAbout(call, what)));
    this.host.requestUpdate();
  };
}

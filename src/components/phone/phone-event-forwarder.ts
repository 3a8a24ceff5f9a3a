import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PhoneEventMap } from '../../events/index.js';
import type { VcEvent } from '../../events/vc-event.js';
import type { Phone } from '../../phone/phone.js';

/** Every event the Phone dispatches, forwarded into the DOM (a record, so a new event can't be forgotten). */
const FORWARDED_EVENTS: Record<keyof PhoneEventMap, true> = {
  'vc-call-dialing': true,
  'vc-call-ringing': true,
  'vc-call-answered': true,
  'vc-call-dtmf': true,
  'vc-call-mute': true,
  'vc-call-color': true,
  'vc-call-quality': true,
  'vc-call-ended': true,
  'vc-call-failed': true,
  'vc-call-removed': true,
  'vc-call-held': true,
  'vc-call-resumed': true,
  'vc-call-transfer': true,
  'vc-call-merged': true,
  'vc-call-split': true,
  'vc-connection-change': true,
  'vc-input-error': true,
  'vc-call-wrapped-up': true,
  'vc-call-request': true,
  'vc-audio-devices-change': true,
  'vc-audio-device-lost': true,
  'vc-audio-check': true,
};

/** Marks a phone event once one element has forwarded it (two `<vc-phone>`s sharing a phone forward it once). */
const FORWARDED = Symbol.for('vc-phone.forwarded');

/**
 * Forwards every event of the phone in use into the DOM, from the host element, while the host
 * is in the page: a copy of each event, once, however many elements share the phone.
 */
export class PhoneEventForwarder implements ReactiveController {
  private listeningTo: Phone | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly phone: () => Phone | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.follow();
  }

  /** Listens to the phone in use while the host is connected (and to nothing otherwise); call it when the phone changes. */
  follow(): void {
    const next = this.host.isConnected ? this.phone() : undefined;
    if (next === this.listeningTo) return;
    for (const type of Object.keys(FORWARDED_EVENTS)) {
      this.listeningTo?.removeEventListener(type, this.forward);
      next?.addEventListener(type, this.forward);
    }
    this.listeningTo = next;
  }

  private readonly forward = (event: Event): void => {
    const marked = event as Event & { [FORWARDED]?: boolean };
    if (marked[FORWARDED] || !this.host.isConnected) return;
    marked[FORWARDED] = true;
    const copy = (event as VcEvent<unknown>).clone();
    this.host.dispatchEvent(copy);
    // A page that cancels the copy (a `vc-call-request` from `phone.call()`) cancels the call.
    if (copy.defaultPrevented) event.preventDefault();
  };
}

import type { PropertyDeclarations } from 'lit';
import { PhoneConsumer } from '../context/phone-context.js';
import type { Call } from '../phone/call.js';
import type { Phone } from '../phone/phone.js';
import { VcElement } from './vc-element.js';

/**
 * An element that works on the page's phone: the one set as `.phone`, else the one provided by
 * the nearest `<vc-phone>`. It re-renders when the phone changes (and, where `boundCall` names
 * one, when that call changes).
 */
export class VcPhoneConsumerElement extends VcElement {
  /** Reactive properties and their attributes (not decorators: no decorator code in the first paint's chunk). */
  static override properties: PropertyDeclarations = {
    phone: { attribute: false },
  };

  /** An explicit phone; by default the one provided by `<vc-phone>` (context). */
  phone?: Phone;

  /** The phone in use and the bound call, kept current. */
  protected readonly phoneConsumer = new PhoneConsumer(this, {
    phone: () => this.phone,
    call: (phone) => this.boundCall(phone),
  });

  /** The call this element shows, if it shows one (given the phone in use). */
  protected boundCall(_phone: Phone | undefined): Call | undefined {
    return undefined;
  }
}

/**
 * How elements find the page's `Phone`: a `@lit/context` context keyed with
 * `Symbol.for('vc-phone')` (so an npm copy and a CDN copy of vc-phone on one page agree), and
 * `PhoneConsumer`, the one reactive controller that finds the phone and re-renders its element
 * when the phone or its call changes.
 */
import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { Call } from '../phone/call.js';
import type { Phone } from '../phone/phone.js';

export const phoneContext = createContext<Phone | undefined>(Symbol.for('vc-phone'));

export interface PhoneConsumerOptions {
  /**
   * A phone set explicitly on the element (`.phone`): it wins over the context. Left out, the
   * element works on its call alone and looks for no phone.
   */
  phone?: () => Phone | undefined;
  /** For call-bound elements: the call the element shows, given the phone in use. */
  call?: (phone: Phone | undefined) => Call | undefined;
}

/**
 * Finds the phone (explicit `.phone`, else the nearest provider), listens for its `change` event
 * and the bound call's `change` event, and asks the host to re-render. Listeners are removed
 * when the element is disconnected, so a removed element does not keep a call alive.
 */
export class PhoneConsumer implements ReactiveController {
  private readonly context: ContextConsumer<typeof phoneContext, ReactiveElement> | undefined;
  private watchedPhone: Phone | undefined;
  private watchedCall: Call | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: PhoneConsumerOptions,
  ) {
    if (options.phone) this.context = new ContextConsumer(host, { context: phoneContext, subscribe: true });
    host.addController(this);
  }

  /** The phone in use: the explicit one, else the one provided by an ancestor. */
  get phone(): Phone | undefined {
    return this.options.phone?.() ?? this.context?.value;
  }

  /** The call the element is bound to (call-bound elements only). */
  get call(): Call | undefined {
    return this.options.call?.(this.phone);
  }

  hostConnected(): void {
    this.connected = true;
    // Re-subscribe on the next render (after a move in the DOM, nothing else asks for one).
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    if (this.connected) this.watch();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.watchPhone(undefined);
    this.watchCall(undefined);
  }

  private watch(): void {
    this.watchPhone(this.phone);
    this.watchCall(this.call);
  }

  private watchPhone(phone: Phone | undefined): void {
    if (phone === this.watchedPhone) return;
    this.watchedPhone?.removeEventListener('change', this.onChange);
    this.watchedPhone = phone;
    phone?.addEventListener('change', this.onChange);
  }

  private watchCall(call: Call | undefined): void {
    if (call === this.watchedCall) return;
    this.watchedCall?.removeEventListener('change', this.onChange);
    this.watchedCall = call;
    call?.addEventListener('change', this.onChange);
  }

  private readonly onChange = (): void => {
    this.host.requestUpdate();
  };
}

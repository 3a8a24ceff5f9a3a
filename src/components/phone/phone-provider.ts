/**
 * The phone a `<vc-phone>` uses, from arrival to goodbye: one given as `.phone`, or one the
 * element makes itself (at once where the `Phone` class is there, else loaded on idle or when the
 * agent reaches for the element), provided to everything inside it (it is the element's
 * `@lit/context` provider), wired to its attributes and events, and disposed when the element
 * leaves the page for good.
 * @internal
 */
import { ContextProvider } from '@lit/context';
import { phoneContext } from '../../context/phone-context.js';
import { whenIdle } from '../../internal/when-idle.js';
import type { Phone } from '../../phone/phone.js';
import type { PhoneClass, VcPhone } from './phone-element.js';
import type { PhoneWiring } from './phone-wiring.js';
import { installedWiring, loadWiring } from './phone-wiring-loader.js';

/** Events that mean the agent is about to use the element: load the phone now, not at idle time. */
const INTERACTION_EVENTS = ['pointerover', 'pointerdown', 'focusin', 'keydown', 'touchstart'] as const;

export class PhoneProvider extends ContextProvider<typeof phoneContext, VcPhone> {
  /** The phone in use (`undefined` until one is given or made); provided to the elements inside. */
  phone: Phone | undefined;
  /** The element made the phone (from its attributes): it is the element's to dispose. */
  owns = false;
  private loading: Promise<Phone> | undefined;
  private resolve: ((phone: Phone) => void) | undefined;
  private ready = this.nextPhone();

  constructor(host: VcPhone) {
    super(host, { context: phoneContext });
  }

  /**
   * Resolves with the phone in use: at once where the phone exists, else once its (lazily
   * loaded) code has arrived. Asking for it loads the phone now.
   */
  get phoneReady(): Promise<Phone> {
    if (!this.phone) void this.load();
    return this.ready;
  }

  /** A phone given from outside (`.phone`): used as it is, never disposed by the element. */
  use(phone: Phone | undefined): void {
    if (phone === this.phone) return;
    this.phone = phone;
    this.owns = false;
    if (phone) this.wire(phone);
    this.setValue(phone);
    installedWiring()?.follow(this.host);
    this.host.requestUpdate();
  }

  /** The element is in the page: its own phone is made (or its loading is set up) before the provider announces itself. */
  override hostConnected(): void {
    if (!this.phone) {
      const PhoneClass = (this.host.constructor as typeof VcPhone).Phone;
      const wiring = installedWiring();
      if (PhoneClass && wiring) this.adopt(PhoneClass, wiring);
      else {
        // Loaded lazily: on idle, or as soon as the agent reaches for the element.
        for (const type of INTERACTION_EVENTS) this.host.addEventListener(type, this.loadNow, { passive: true });
        whenIdle(this.loadNow);
      }
    }
    super.hostConnected();
  }

  hostDisconnected(): void {
    for (const type of INTERACTION_EVENTS) this.host.removeEventListener(type, this.loadNow);
    if (this.owns) requestAnimationFrame(this.disposeIfGone);
  }

  /**
   * A move in the DOM reconnects the element in the same task; one still out of the page a frame
   * later is gone (a single-page app unmounted it), so the phone it made goes too: else each
   * mount would leave a phone behind, with its connection, listeners and storage writes.
   * Connected again later, the element makes a new phone.
   */
  private readonly disposeIfGone = (): void => {
    const phone = this.phone;
    if (this.host.isConnected || !this.owns || !phone) return;
    this.phone = undefined;
    this.owns = false;
    this.loading = undefined;
    this.ready = this.nextPhone();
    this.setValue(undefined);
    void phone.dispose();
  };

  /** A promise of the next phone in use (`ready`). */
  private nextPhone(): Promise<Phone> {
    return new Promise<Phone>((resolve) => (this.resolve = resolve));
  }

  private readonly loadNow = (): void => {
    if (this.host.isConnected && !this.phone) void this.load();
  };

  private load(): Promise<Phone> {
    const { Phone: PhoneClass, loadPhone } = this.host.constructor as typeof VcPhone;
    this.loading ??= Promise.all([PhoneClass ?? loadPhone(), loadWiring()]).then(([PhoneClass, wiring]) => {
      // A phone given meanwhile (`.phone = ...`) wins.
      if (!this.phone) this.adopt(PhoneClass, wiring);
      return this.phone as Phone;
    });
    return this.loading;
  }

  /** Makes the element's own phone from its attributes. */
  private adopt(PhoneClass: PhoneClass, wiring: PhoneWiring): void {
    const phone = new PhoneClass(wiring.config(this.host));
    for (const type of INTERACTION_EVENTS) this.host.removeEventListener(type, this.loadNow);
    this.owns = true;
    this.phone = phone;
    this.setValue(phone);
    this.wire(phone);
    this.host.requestUpdate();
    // Made after the element left the page (the phone code arrived late): it goes if the element does not come back.
    if (!this.host.isConnected) requestAnimationFrame(this.disposeIfGone);
  }

  /**
   * The phone's events go into the DOM and the attributes and settings to the phone (at once
   * where its wiring is there, which it is wherever a phone came with the vc-phone code; else as
   * soon as it has loaded), and `ready` resolves.
   */
  private wire(phone: Phone): void {
    const attach = (wiring: PhoneWiring) => {
      if (phone === this.phone) wiring.attach(this.host, phone, this.owns);
    };
    const wiring = installedWiring();
    if (wiring) attach(wiring);
    else void loadWiring().then(attach);
    this.resolve?.(phone);
  }
}

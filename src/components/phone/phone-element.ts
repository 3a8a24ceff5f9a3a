import type { PropertyValues } from 'lit';
import { PhoneConsumer } from '../../context/phone-context.js';
import type { Phone } from '../../phone/phone.js';
import type { Call } from '../../phone/call.js';
import type { CallOptions, PhoneConfig, SipCredentials } from '../../phone/types.js';
import type { VcPlaceCall } from '../place-call/place-call.js';
import { html, nothing } from 'lit';
import { strings } from '../../i18n/strings.js';
import { ClickToDial } from './click-to-dial.js';
import { VcPhoneSettings } from './phone-settings-element.js';
import { PhoneProvider } from './phone-provider.js';
import { deskTemplate } from './phone-desk.js';
import { installedWiring, loadWiring } from './phone-wiring-loader.js';
import { tokens } from '../shared/tokens.styles.js';
import { phoneStyles } from './phone-element.styles.js';

/** The `Phone` class, as the element needs it to make its own phone. */
export type PhoneClass = new (config: PhoneConfig) => Phone;

/**
 * The one-tag drop-in: creates a `Phone` (or uses the one given as `.phone`), provides it to
 * everything inside it (through `@lit/context`), and shows the agent's desk: a status pill
 * (Ready / Connecting / Offline with "retry in N s" and Retry; "Call" is off while offline and
 * says why), the place-call field, the live calls as boxes (a grid when wider than ~640 px) and
 * finished calls folded into Recent rows. After dialling, focus moves to the new call's box. It
 * forwards every life-cycle event of its phone into the DOM, once, from itself, so a page can
 * log calls with one listener on `document`.
 *
 * Light and dark token sets ship: the element follows `prefers-color-scheme`, or `theme="dark"`
 * / `theme="light"` forces one (or `--vc-color-scheme: dark` from the page).
 *
 * SIP credentials are set only as a JavaScript property (`el.auth = { username, password }`):
 * there is no attribute for them and they are never rendered.
 *
 * A phone the element made itself is disposed (its calls hung up, its connection closed) when
 * the element leaves the page and is not back within a frame (a move in the DOM is not a
 * leave). A phone given as `.phone` is never disposed by the element: that is up to the page.
 *
 * @summary Outbound calling in one tag: place-call field and call boxes, sharing one phone.
 *
 * @event {VcCallDialingEvent} vc-call-dialing - A call was placed (forwarded from the phone).
 * @event {VcCallRingingEvent} vc-call-ringing - The far end rings, or plays early media.
 * @event {VcCallAnsweredEvent} vc-call-answered - The far end answered.
 * @event {VcCallDtmfEvent} vc-call-dtmf - A DTMF digit went out on a call.
 * @event {VcCallMuteEvent} vc-call-mute - A call was muted or un-muted.
 * @event {VcCallHeldEvent} vc-call-held - A call was put on hold (`by`: local or remote).
 * @event {VcCallResumedEvent} vc-call-resumed - A held call was taken back (`by`: local or remote).
 * @event {VcCallTransferEvent} vc-call-transfer - A transfer of a call moved on (`state`: requested, accepted, failed with `message`, completed; `kind`: blind or attended; `to`).
 * @event {VcCallMergedEvent} vc-call-merged - A call was merged with another (`otherCallId`), once per call.
 * @event {VcCallSplitEvent} vc-call-split - A merged call is on its own again (`reason`: split, or call-ended).
 * @event {VcCallColorEvent} vc-call-color - A call's colour tag changed.
 * @event {VcCallQualityEvent} vc-call-quality - A quality warning was raised or cleared (`warning`, `raised`, `figures`).
 * @event {VcCallEndedEvent} vc-call-ended - A call ended (hung up by whom, and why).
 * @event {VcCallFailedEvent} vc-call-failed - A call could not be connected (SIP status and reason).
 * @event {VcCallRemovedEvent} vc-call-removed - A finished call's record was removed.
 * @event {VcConnectionChangeEvent} vc-connection-change - The connection to the SIP server changed.
 * @event {VcInputErrorEvent} vc-input-error - Input was refused before anything was sent.
 * @event {VcCallRequestEvent} vc-call-request - Before any call is placed (the field, a click-to-dial link, "Call again", or `phone.call()` from code); cancelable.
 * @event {VcDtmfEvent} vc-dtmf - From a dialpad: the agent pressed a key.
 * @event {VcMuteChangeEvent} vc-mute-change - From a mute button.
 * @event {VcColorChangeEvent} vc-color-change - From a colour tag.
 * @event {VcBoxCloseEvent} vc-box-close - From a call box: closed with the X.
 * @event {VcBoxRemoveEvent} vc-box-remove - From a call box: removed with the bin.
 *
 * With `click-to-dial`, a plain click on any `tel:`/`sip:` link of the page (inside open shadow
 * roots too, and links added later) dials it through the field's checks; a click before the
 * phone has loaded is placed once it has. Every Phone setting a page commonly sets is an
 * attribute or property here, applied whenever the phone arrives: no need to wait for `phoneReady`.
 *
 * @event {VcCallWrappedUpEvent} vc-call-wrapped-up - The agent saved a call's wrap-up (notes, disposition).
 * @event {VcAudioDevicesChangeEvent} vc-audio-devices-change - The microphones or speakers changed (plugged in or out, permission granted), or the choice did.
 * @event {VcAudioDeviceLostEvent} vc-audio-device-lost - The device in use went away: the default took over (`kind`, `device`, `message`).
 * @event {VcAudioCheckEvent} vc-audio-check - A pre-call check ("Test your audio", `phone.check()`) finished, with its report.
 *
 * @slot - Extra content under the call boxes; elements there get the same phone (context).
 *
 * @csspart base - The wrapper.
 * @csspart status-bar - The `<vc-phone-status>` row (always the same height); its parts are re-exported.
 * @csspart status-pill - Ready / Connecting / Offline.
 * @csspart connection - While offline: "retry in N s", or the words about the lost connection.
 * @csspart retry-button - While offline: connects again now.
 * @csspart place-call - The `<vc-place-call>`; its parts are re-exported (its `base` as `place-call-base`).
 * @csspart call-list - The `<vc-call-list>`; its parts (and its boxes' parts) are re-exported.
 * @csspart wrap-up - The `<vc-wrap-up>` after a call (with `dispositions` or `wrapUp`).
 * @csspart audio-settings-button - "Audio settings": shows or hides the `<vc-audio-settings>` panel.
 * @csspart audio-settings - The `<vc-audio-settings>` panel (microphone, speaker, processing, "Test your audio").
 * @csspart audio-settings-problem - Why the audio settings did not open (their code could not be loaded).
 *
 * @cssprop --vc-phone-gap - Space between the place-call field and the boxes (default 12px).
 * @cssprop --vc-phone-background - Behind the whole desk (default `--vc-color-surface`, so a forced dark theme reads on a light page).
 * @cssprop --vc-phone-padding - Space inside that background (default 0).
 * @cssprop --vc-phone-max-width - Widest the element grows (default none: the boxes form a grid above ~640 px).
 * @cssprop --vc-color-scheme - Global: `light`, `dark`, or `light dark` (default: follow the system); the `theme` attribute sets it.
 * @cssprop --vc-color-warning - Global: on hold, offline.
 * @cssprop --vc-color-on-accent - Global: text on accent buttons.
 * @cssprop --vc-color-on-danger - Global: text on danger buttons (Hang up, Muted).
 * @cssprop --vc-color-hover - Global: hover wash of quiet buttons.
 * @cssprop --vc-motion-duration - Global: enter, fold and hover transitions (default 160ms; none with reduced motion).
 * @cssprop --vc-color-accent - Global: the accent colour (buttons, focus).
 * @cssprop --vc-color-danger - Global: danger (hang up, errors, muted).
 * @cssprop --vc-color-success - Global: connected.
 * @cssprop --vc-color-surface - Global: background of boxes and fields.
 * @cssprop --vc-color-surface-alt - Global: hover background.
 * @cssprop --vc-color-text - Global: text.
 * @cssprop --vc-color-text-muted - Global: secondary text.
 * @cssprop --vc-color-border - Global: borders.
 * @cssprop --vc-radius - Global: corner radius.
 * @cssprop --vc-font-family - Global: font.
 * @cssprop --vc-font-size - Global: base font size (default 13px).
 * @cssprop --vc-focus-ring - Global: the focus outline (default `2px solid var(--vc-color-accent)`).
 */
export class VcPhone extends VcPhoneSettings {
  static override styles = [tokens, phoneStyles];

  /**
   * @internal How a `<vc-phone>` without a `.phone` gets the `Phone` class. The defining module
   * `vc-phone.js` (npm) sets it, so the element makes its phone at once; left unset (the CDN
   * build), the phone core is imported when the page is idle or the agent reaches for the
   * element, so it stays out of the initial download.
   */
  static Phone: PhoneClass | undefined;

  /** @internal Loads the `Phone` class when `VcPhone.Phone` is not set. */
  static loadPhone: () => Promise<PhoneClass> = () => import('../../phone/phone.js').then((module) => module.Phone);

  /**
   * @internal Defines a tag the element shows later (`vc-audio-settings`, `vc-wrap-up`) before it
   * is shown, with a deadline. Unset (the npm build defines them with the element); the CDN build
   * loads each from its own chunk (src/cdn/lazy-tags.ts).
   */
  static needTag: ((tag: string) => Promise<unknown>) | undefined;

  /** The phone in use, and its context provider (first: on connection the phone is made before anything looks for it). */
  private readonly provider = new PhoneProvider(this);
  private readonly consumer = new PhoneConsumer(this, { phone: () => this.provider.phone });
  /** @internal The audio settings panel is open. */
  private audioOpen = false;
  private audioCode: 'ready' | 'loading' | 'failed' = 'ready';
  private credentials: SipCredentials | undefined;

  constructor() {
    super();
    // A controller of the host: its one listener on the document is on while `click-to-dial` is.
    void new ClickToDial(this);
  }

  /** The phone in use (created on connection unless one was given). */
  get phone(): Phone | undefined {
    return this.provider.phone;
  }
  set phone(phone: Phone | undefined) {
    this.provider.use(phone);
  }

  /**
   * @internal The `auth` attribute, watched only to be refused: credentials written in the HTML
   * are removed at once (outerHTML, the inspector, a CRM's DOM snapshot), never read nor echoed.
   */
  set authAttribute(value: string | null) {
    if (value !== null) {
      this.removeAttribute('auth');
      void loadWiring().then((wiring) => wiring.refuseAuthAttribute(this));
    }
  }

  /** SIP digest credentials. Property only: never an attribute, never rendered or stored. */
  set auth(credentials: SipCredentials | undefined) {
    if (credentials === this.credentials) return;
    this.credentials = credentials;
    // `undefined` clears the phone's credentials too.
    this.provider.phone?.configure({ auth: credentials });
  }
  get auth(): SipCredentials | undefined {
    return this.credentials;
  }

  /**
   * Resolves with the phone in use: at once where the phone exists, else once its (lazily
   * loaded) code has arrived. Asking for it loads the phone now.
   */
  get phoneReady(): Promise<Phone> {
    return this.provider.phoneReady;
  }

  override connectedCallback(): void {
    // The call list's parts are re-exported once its code is there (phone-desk.ts).
    if (!customElements.get('vc-call-list')) void customElements.whenDefined('vc-call-list').then(() => this.requestUpdate());
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the wiring is there, `wire` applies everything once it is.
    const { phone, owns } = this.provider;
    if (phone) installedWiring()?.update(this, phone, owns, changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const field = this.placeCallField;
    if (changed.has('value') && field && this.value !== undefined) field.value = this.value;
  }

  private get placeCallField(): VcPlaceCall | null {
    return this.renderRoot.querySelector('vc-place-call');
  }

  /** Opens the number field (with the prefilled `value`) and puts focus in it. */
  async open(): Promise<void> {
    await this.updateComplete;
    await this.placeCallField?.openField();
  }

  /**
   * Dials `to` through the number field, as the agent would: the same checks, `vc-call-request`,
   * the caller-ID picker, `beforeDial`. Called before the phone has loaded, the call is placed
   * once it has (never lost). Resolves with the call, or `undefined` when it was refused (the
   * words are under the field, and in `vc-input-error`) or cancelled.
   */
  async call(to: string, options: Pick<CallOptions, 'label' | 'record' | 'from'> = {}): Promise<Call | undefined> {
    void this.phoneReady; // loads the phone now
    await this.updateComplete;
    return this.placeCallField?.dialTo(to, options);
  }

  override render() {
    return deskTemplate(this, this.consumer.phone, this.audioToggle(), this.focusCall);
  }

  /** The audio settings toggle (Lit writes the booleans of `aria-expanded`/`aria-busy` as "true"/"false"). */
  private audioToggle() {
    return html`<button part="audio-settings-button" class="audio-toggle" type="button" aria-expanded=${this.audioOpen} aria-controls="audio" aria-busy=${this.audioCode === 'loading'} @click=${this.toggleAudio}>
        ${strings.audioSettings}
      </button>
      ${this.audioCode === 'failed' ? html`<p part="audio-settings-problem" class="problem" role="alert">${strings.audioSettingsUnavailable}</p>` : nothing}
      ${this.audioOpen ? html`<vc-audio-settings id="audio" part="audio-settings"></vc-audio-settings>` : ''}`;
  }

  private async toggleAudio(): Promise<void> {
    if (this.audioCode === 'loading') return;
    if (!this.audioOpen && VcPhone.needTag && !customElements.get('vc-audio-settings')) {
      this.audioCode = 'loading';
      this.audioCode = await VcPhone.needTag('vc-audio-settings').then(
        () => 'ready' as const,
        () => 'failed' as const,
      );
      if (this.audioCode === 'failed') return;
    }
    this.audioOpen = !this.audioOpen;
  }

  /** After dialling, focus goes to the new call's box (in the wiring: there is a call, so it is there). */
  private readonly focusCall = (callId: string): Promise<void> => installedWiring()?.focusCall(this, callId) ?? Promise.resolve();
}

// Declared outside `properties`, so the manifest does not list them: the audio panel's state, and
// the `auth` attribute, watched only to be refused.
VcPhone.createProperty('audioOpen', { state: true });
VcPhone.createProperty('authAttribute', { attribute: 'auth', noAccessor: true });
VcPhone.createProperty('audioCode', { state: true });

import { Task, TaskStatus } from '@lit/task';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { inputErrorText } from '../../i18n/strings.js';
import { VcPhoneConsumerElement } from '../../internal/vc-phone-consumer-element.js';
import type { Phone } from '../../phone/phone.js';
import type { Call } from '../../phone/call.js';
import type { CallOptions, CallTarget } from '../../phone/types.js';
import { asked } from '../../phone/request-asked.js';
import { pickedCallerId } from './caller-id-picker.js';
import { loadFieldEvents, loadRequestEvent, RequestEvent } from './field-events-loader.js';
import { phoneStatus } from '../shared/connection.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { placeCallStyles } from './place-call.styles.js';
import { placeCallTemplate } from './place-call-template.js';
import { formatAsTyped } from '../shared/format-as-typed.js';
import { checkTarget } from './target-check.js';

/** How long typing must pause before an invalid entry is called out. */
const ERROR_DELAY_MS = 900;

/** Parts of `<vc-place-call>`, for `exportparts` further up. */
export const PLACE_CALL_PARTS = ['base', 'place-call-button', 'panel', 'label', 'input', 'call-button', 'hint', 'error', 'disabled-reason', 'caller-id-label', 'caller-id'] as const;

/**
 * The "Place call" button and its number field. What is typed is formatted as an international
 * number as it is typed, and checked by the phone: the "Call" button is enabled only for a valid
 * number or `sip:`/`tel:` address; an invalid entry says why, in words, under the field (after a
 * pause in typing, on leaving the field, or on Enter). Enter dials; Escape closes the field.
 * While the phone is offline (its connection lost and being retried), "Call" is off and the
 * line under the field says why; the agent can still type the number.
 * Focusing the field warms the phone up (number metadata, SIP connection) for a faster call.
 *
 * @summary Number field with validation that places an outbound call.
 *
 * @event {VcCallRequestEvent} vc-call-request - Before dialling; cancelable (`preventDefault()` and nothing is dialled). `detail: { to, target, label?, record?, from? }`.
 * @event {VcInputErrorEvent} vc-input-error - The agent tried to dial (Enter, or a call asked by code or a link) what can't be called: `detail: { code, message, field: 'to' }` (English words; the field shows them translated). Nothing is sent.
 *
 * @csspart base - The wrapper.
 * @csspart place-call-button - The "Place call" button (opens and closes the field).
 * @csspart disabled-reason - Why calling is switched off.
 * @csspart panel - The box around the field.
 * @csspart label - The "Phone number" label.
 * @csspart input - The number field.
 * @csspart call-button - The "Call" button.
 * @csspart hint - The help text under the field.
 * @csspart error - Why the entry can't be called.
 * @csspart caller-id-label - The "Call from" label (when the phone has more than one caller ID).
 * @csspart caller-id - The caller-ID picker (`fromNumbers`, and "Withheld" where `allowAnonymous`).
 *
 * @cssprop --vc-place-call-background - Background of the panel (default `--vc-color-surface`).
 * @cssprop --vc-place-call-border-color - Border of the panel.
 * @cssprop --vc-place-call-input-background - Background of the field.
 * @cssprop --vc-place-call-input-border-color - Border of the field.
 * @cssprop --vc-place-call-error-color - Colour of the error text (default `--vc-color-danger`).
 */
export class VcPlaceCall extends VcPhoneConsumerElement {
  static override styles = [tokens, buttons, placeCallStyles];

  /** Reactive properties and their attributes (not decorators: no decorator code in the first paint's chunk); the internal ones below the class. */
  static override properties: PropertyDeclarations = {
    value: { reflect: false },
    open: { type: Boolean, reflect: true },
  };

  /** The number (or address) in the field; set it to prefill ("click to call"). */
  value = '';

  /** The number field is shown. */
  open = false;

  /**
   * @internal Set by `<vc-phone>` while its phone is still loading: `true` keeps "Place call"
   * usable (what is typed is checked once the phone is there); a string is why calling is off.
   */
  pending: boolean | string = false;

  /**
   * @internal Set by `<vc-phone>`: called with the new call's id after a successful dial, to move
   * focus to its box (without it, focus goes back to "Place call").
   */
  afterDial?: (callId: string) => Promise<void>;

  /** @internal The error is shown (after a pause, on blur or Enter). */
  showError = false;
  /** @internal Why the last call could not be placed (until the value changes); put in words when shown. */
  private callError: unknown;

  /** The phone's verdict on the current value (target-check.ts): the latest value wins. */
  private readonly check = new Task(this, { args: () => [this.phoneConsumer.phone, this.value] as const, task: checkTarget });

  /** @internal Places the call; while it is on its way the Call button is off (no second call). */
  readonly placing = new Task(this, {
    autoRun: false,
    task: ([phone, to, options]: readonly [Phone, string, CallOptions]) => phone.call(to, asked(options)),
  });
  /** @internal The caller ID picked (its index in the choices). */
  callerIdIndex = 0;
  /** Label and record of a call asked for by code or a link (`dialTo`), until the value changes. */
  private requested: Pick<CallOptions, 'label' | 'record' | 'from'> | undefined;

  /** The phone last asked to warm up (once per phone while the field has focus). */
  private warmed: Phone | undefined;
  /** The dial on its way (see `dial()`). */
  private dialing: Promise<Call | undefined> | undefined;
  private errorTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last value that came from the field itself (typed or formatted). */
  private typedValue = '';

  /** @internal The target the current value resolves to, when the check found it valid. */
  get target(): CallTarget | undefined {
    return this.check.status === TaskStatus.COMPLETE ? this.check.value : undefined;
  }

  /** @internal Why the current value can't be called (words from the strings table where translated). */
  get error(): string | undefined {
    if (this.callError !== undefined) return inputErrorText(this.callError);
    return this.check.status === TaskStatus.ERROR ? inputErrorText(this.check.error) : undefined;
  }

  private requestedValue = '';

  /**
   * @internal Dials `to` through the field: shown in it, checked like typed input, announced with
   * `vc-call-request`, and placed once the phone has loaded (a click before that is queued, never
   * lost). Resolves with the call, or undefined when it was refused or cancelled (the words are
   * under the field).
   */
  async dialTo(to: string, options: Pick<CallOptions, 'label' | 'record' | 'from'> = {}): Promise<Call | undefined> {
    this.value = this.requestedValue = to;
    this.requested = options;
    this.open = true;
    await this.updateComplete;
    return this.dialOnceChecked();
  }

  /** Opens the field and moves focus into it. */
  async openField(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.input?.focus();
  }

  /** Closes the field (keeping its text) and puts focus back on "Place call". */
  async closeField(): Promise<void> {
    this.open = false;
    await this.updateComplete;
    this.focus();
  }

  /** Focuses the "Place call" button. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus(options);
  }

  /** @internal The phone is offline: no call can go out (the words say so). */
  get offline(): boolean {
    return phoneStatus(this.phoneConsumer.phone) === 'offline';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.errorTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A value set from outside (a CRM's "click to call") is judged at once; typing waits for a pause.
    if (!changed.has('value')) return;
    if (this.value !== this.typedValue && this.value.trim() !== '') this.showError = true;
    this.callError = undefined;
    if (this.requested && this.value !== this.requestedValue) this.requested = undefined;
  }

  protected override updated(): void {
    // A phone that arrives (lazily loaded) while the agent is already typing is warmed up at once.
    const phone = this.phoneConsumer.phone;
    if (phone && phone !== this.warmed && this.input && this.shadowRoot?.activeElement === this.input) this.warmUp();
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  override render() {
    return placeCallTemplate(this, this.phoneConsumer.phone);
  }

  /** @internal The "Place call" button opens or closes the field. */
  toggle(): void {
    if (this.open) void this.closeField();
    else void this.openField();
  }

  /** @internal The agent picked a caller ID. */
  pickCallerId(event: Event): void {
    this.callerIdIndex = Number((event.target as HTMLSelectElement).value) || 0;
  }

  /** @internal Focus in the field warms the phone up. */
  warmUp(): void {
    this.warmed = this.phoneConsumer.phone;
    void this.warmed?.prewarm();
    if (!RequestEvent) void loadRequestEvent().catch(() => undefined);
  }

  /** @internal Leaving the field shows why its entry can't be called. */
  revealOnLeave(): void {
    if (this.value.trim() !== '') this.revealError();
  }

  /** @internal Typing: formatted as typed; the error waits for a pause. */
  formatTyped(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    this.value = this.typedValue = input.value;
    this.showError = false;
    clearTimeout(this.errorTimer);
    this.errorTimer = setTimeout(() => this.revealError(), ERROR_DELAY_MS);
    // Deleting is left alone: reformatting would put back what the agent just removed.
    if (!event.inputType?.startsWith('delete')) formatAsTyped(this.phoneConsumer.phone, input, (formatted) => (this.value = this.typedValue = formatted));
  }

  private revealError(): void {
    clearTimeout(this.errorTimer);
    this.showError = true;
  }

  /** @internal Escape closes the field; Enter in it dials. */
  panelKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.closeField();
    } else if (event.key === 'Enter' && event.target === this.input) {
      event.preventDefault();
      void this.dialOnceChecked();
    }
  }

  /** Enter can come before the check of what was typed is done (or its phone has loaded): dial after it. */
  private async dialOnceChecked(): Promise<Call | undefined> {
    do {
      await this.updateComplete; // a value typed just now starts its check in this update
      await this.check.taskComplete.catch(() => undefined);
    } while (this.isUpdatePending || this.check.status === TaskStatus.PENDING);
    return this.dial();
  }

  /**
   * One dial at a time: a second click or Enter while one is on its way (until the field has
   * closed after it) is the same dial, so a double click places one call.
   * @internal The "Call" button.
   */
  dial(): Promise<Call | undefined> {
    this.dialing ??= this.dialNow().finally(() => (this.dialing = undefined));
    return this.dialing;
  }

  /** Dials the current value, after a cancelable `vc-call-request`. */
  private async dialNow(): Promise<Call | undefined> {
    const CallRequestEvent = RequestEvent ?? (await loadRequestEvent());
    const phone = this.phoneConsumer.phone;
    const target = this.target;
    if (!phone || this.offline || this.placing.status === TaskStatus.PENDING) return undefined;
    if (!target) {
      this.revealError();
      // The agent tried to dial: the refusal is said to programs too (once per try, not per keystroke).
      const { error } = this.check; // the check has finished (dialOnceChecked): set only when it refused
      if (error) void loadFieldEvents().then((events) => events.announceRefusal(this, error));
      return undefined;
    }
    const to = this.value;
    const from = this.requested?.from ?? pickedCallerId(this.phoneConsumer.phone, this.callerIdIndex);
    const options: CallOptions = { ...this.requested, ...(from !== undefined ? { from } : {}) };
    const request = new CallRequestEvent({ to, target, ...options });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return undefined;
    await this.placing.run([phone, to, options]);
    if (this.placing.status === TaskStatus.ERROR) {
      this.callError = this.placing.error ?? new Error('');
      this.revealError();
      return undefined;
    }
    this.requested = undefined;
    // The INVITE's way out (peer connection, offer) goes first: closing the field and moving
    // focus to the new box (a forced layout) wait for the next task.
    await new Promise((resolve) => setTimeout(resolve));
    this.value = this.typedValue = '';
    this.showError = false;
    const call = this.placing.value;
    if (call && this.afterDial) {
      this.open = false;
      await this.afterDial(call.id);
    } else await this.closeField();
    return call;
  }
}

// Reactive too, but not attributes nor public API (outside `properties`, so the manifest does not list them).
for (const name of ['pending', 'afterDial']) VcPlaceCall.createProperty(name, { attribute: false });
for (const name of ['showError', 'callError', 'callerIdIndex']) VcPlaceCall.createProperty(name, { state: true });

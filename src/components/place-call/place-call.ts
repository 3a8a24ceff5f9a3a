import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PhoneController } from '../../context/phone-context.js';
import { VcCallRequestEvent } from '../../events/user-events.js';
import { strings } from '../../i18n/strings.js';
import type { Phone } from '../../phone/phone.js';
import type { CallTarget } from '../../phone/types.js';
import { alertIcon, phoneIcon } from '../shared/icons.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { placeCallStyles } from './place-call.styles.js';

/** How long typing must pause before an invalid entry is called out. */
const ERROR_DELAY_MS = 900;

/** Parts of `<vc-place-call>`, for `exportparts` further up. */
export const PLACE_CALL_PARTS = ['base', 'place-call-button', 'panel', 'label', 'input', 'call-button', 'hint', 'error', 'disabled-reason'] as const;

/**
 * The "Place call" button and its number field. What is typed is formatted as an international
 * number as it is typed, and checked by the phone: the "Call" button is enabled only for a valid
 * number or `sip:`/`tel:` address; an invalid entry says why, in words, under the field (after a
 * pause in typing, on leaving the field, or on Enter). Enter dials; Escape closes the field.
 * Focusing the field warms the phone up (number metadata, SIP connection) for a faster call.
 *
 * @summary Number field with validation that places an outbound call.
 *
 * @event {VcCallRequestEvent} vc-call-request - Before dialling; cancelable (`preventDefault()` and nothing is dialled). `detail: { to, target }`.
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
 *
 * @cssprop --vc-place-call-background - Background of the panel (default `--vc-color-surface`).
 * @cssprop --vc-place-call-border-color - Border of the panel.
 * @cssprop --vc-place-call-input-background - Background of the field.
 * @cssprop --vc-place-call-input-border-color - Border of the field.
 * @cssprop --vc-place-call-error-color - Colour of the error text (default `--vc-color-danger`).
 */
export class VcPlaceCall extends LitElement {
  static override styles = [tokens, buttons, placeCallStyles];

  /** The number (or address) in the field; set it to prefill ("click to call"). */
  @property({ reflect: false }) value = '';

  /** The number field is shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** An explicit phone; by default the one provided by `<vc-phone>` (context). */
  @property({ attribute: false }) phone?: Phone;

  /**
   * @internal Set by `<vc-phone>` while its phone is still loading: `true` keeps "Place call"
   * usable (what is typed is checked once the phone is there); a string is why calling is off.
   */
  @property({ attribute: false }) pending: boolean | string = false;

  /** @internal The target the current value resolves to, when valid. */
  @state() private target: CallTarget | undefined;
  /** @internal Why the current value can't be called. */
  @state() private error: string | undefined;
  /** @internal The error is shown (after a pause, on blur or Enter). */
  @state() private showError = false;
  /** @internal A call is being placed. */
  @state() private busy = false;

  private readonly controller = new PhoneController(this, { phone: () => this.phone });
  /** The phone last asked to warm up (once per phone while the field has focus). */
  private warmed: Phone | undefined;
  private checkSequence = 0;
  private checkedValue: string | undefined;
  private errorTimer: ReturnType<typeof setTimeout> | undefined;
  private dialWhenChecked = false;
  /** The last value that came from the field itself (typed or formatted). */
  private typedValue = '';

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
    this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.errorTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A value set from outside (a CRM's "click to call") is judged at once; typing waits for a pause.
    if (changed.has('value') && this.value !== this.typedValue && this.value.trim() !== '') this.showError = true;
    if (changed.has('value') || (this.checkedValue !== this.value && this.controller.phone)) this.check();
  }

  protected override updated(): void {
    // A phone that arrives (lazily loaded) while the agent is already typing is warmed up at once.
    const phone = this.controller.phone;
    if (phone && phone !== this.warmed && this.input && this.shadowRoot?.activeElement === this.input) this.onFocus();
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  override render() {
    const phone = this.controller.phone;
    const enabled = phone ? phone.enabled : this.pending === true;
    const reason = phone ? (phone.enabled ? '' : phone.disabledReason) : typeof this.pending === 'string' ? this.pending : this.pending ? '' : strings.noPhone;
    const open = this.open && enabled;
    const message = this.showError ? this.error : undefined;
    return html`<div part="base" class="base">
      <button
        part="place-call-button"
        class="button primary toggle"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="panel"
        aria-describedby=${reason ? 'disabled-reason' : nothing}
        ?disabled=${!enabled}
        @click=${this.onToggle}
      >
        ${phoneIcon}<span>${strings.placeCall}</span>
      </button>
      ${reason ? html`<p part="disabled-reason" id="disabled-reason" class="disabled-reason">${reason}</p>` : nothing}
      ${open
        ? html`<div part="panel" id="panel" class="panel" @keydown=${this.onPanelKeyDown}>
            <label part="label" for="number">${strings.phoneNumber}</label>
            <div class="row">
              <input
                part="input"
                class="input"
                id="number"
                type="text"
                inputmode="tel"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                placeholder=${strings.phoneNumberPlaceholder}
                aria-invalid=${message ? 'true' : 'false'}
                aria-describedby="help"
                .value=${this.value}
                @input=${this.onInput}
                @focus=${this.onFocus}
                @blur=${this.onBlur}
              />
              <button
                part="call-button"
                class="button primary call-button"
                type="button"
                ?disabled=${!this.target || this.busy}
                @click=${this.dial}
              >
                ${strings.call}
              </button>
            </div>
            ${message
              ? html`<p part="error" id="help" class="help error">${alertIcon}<span>${message}</span></p>`
              : html`<p part="hint" id="help" class="help">${strings.phoneNumberHint}</p>`}
          </div>`
        : nothing}
    </div>`;
  }

  private onToggle(): void {
    if (this.open) void this.closeField();
    else void this.openField();
  }

  private onFocus(): void {
    this.warmed = this.controller.phone;
    void this.warmed?.prewarm();
  }

  private onBlur(): void {
    if (this.value.trim() !== '') this.revealError();
  }

  private onInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    this.value = this.typedValue = input.value;
    this.showError = false;
    clearTimeout(this.errorTimer);
    this.errorTimer = setTimeout(() => this.revealError(), ERROR_DELAY_MS);
    // Deleting is left alone: reformatting would put back what the agent just removed.
    if (!event.inputType?.startsWith('delete')) this.formatAsTyped(input);
  }

  /** Reformats the number, but only while the caret is at the end (never under the agent's cursor). */
  private formatAsTyped(input: HTMLInputElement): void {
    const phone = this.controller.phone;
    const raw = input.value;
    const atEnd = input.selectionStart === raw.length && input.selectionEnd === raw.length;
    if (!phone || !atEnd) return;
    void phone.formatAsTyped(raw).then(
      (formatted) => {
        // Stale: the agent typed on (or moved the caret) meanwhile.
        if (input.value !== raw || formatted === raw || input.selectionStart !== raw.length) return;
        input.value = formatted;
        input.setSelectionRange(formatted.length, formatted.length);
        this.value = this.typedValue = formatted;
      },
      () => undefined,
    );
  }

  private revealError(): void {
    clearTimeout(this.errorTimer);
    this.showError = true;
  }

  /** Checks the value with the phone; results for an older value are dropped. */
  private check(): void {
    const phone = this.controller.phone;
    if (!phone) return;
    const value = this.value;
    this.checkedValue = value;
    const sequence = ++this.checkSequence;
    this.target = undefined;
    phone.checkTarget(value).then(
      (target) => {
        if (sequence !== this.checkSequence) return;
        this.target = target;
        this.error = undefined;
        this.afterCheck(sequence);
      },
      (error: Error) => {
        if (sequence !== this.checkSequence) return;
        this.error = error.message;
        this.afterCheck(sequence);
      },
    );
  }

  private afterCheck(sequence: number): void {
    if (sequence === this.checkSequence && this.dialWhenChecked) {
      this.dialWhenChecked = false;
      void this.dial();
    }
  }

  private onPanelKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.closeField();
    } else if (event.key === 'Enter' && event.target === this.input) {
      event.preventDefault();
      if (this.checkedValue === this.value && (this.target || this.error)) void this.dial();
      else this.dialWhenChecked = true; // Enter hit before the check finished: dial when it has.
    }
  }

  /** Dials the current value, after a cancelable `vc-call-request`. */
  private async dial(): Promise<void> {
    const phone = this.controller.phone;
    const target = this.target;
    if (!phone || this.busy) return;
    if (!target) {
      this.revealError();
      return;
    }
    const to = this.value;
    const request = new VcCallRequestEvent({ to, target });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    this.busy = true;
    try {
      await phone.call(to);
      this.value = this.typedValue = '';
      this.showError = false;
      await this.closeField();
    } catch (error) {
      this.error = (error as Error).message;
      this.revealError();
    } finally {
      this.busy = false;
    }
  }
}

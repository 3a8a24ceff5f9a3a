import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import { format, inputErrorText } from '../../i18n/strings.js';
import { VcPhoneConsumerElement } from '../../internal/vc-phone-consumer-element.js';
import type { Call } from '../../phone/call.js';
import type { Phone } from '../../phone/phone.js';
import type { CallTarget } from '../../phone/types.js';
import { alertIcon, transferIcon } from '../shared/icons.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { transferFailureWords } from './transfer-failure-words.js';
import { transferStyles } from './transfer.styles.js';
import { formatAsTyped } from '../shared/format-as-typed.js';

/** How long typing must pause before an invalid entry is called out (as in `<vc-place-call>`). */
const ERROR_DELAY_MS = 900;

export { TRANSFER_PARTS } from './transfer.parts.js';

/** The agent's consult call for `call` (attended transfer), while it is live. */
export function consultCallOf(phone: Phone | undefined, call: Call): Call | undefined {
  return phone?.calls.find((other) => other.consultFor === call.id && other.isLive);
}

/**
 * Transfers a connected call. "Transfer" opens a number field checked and formatted exactly like
 * `<vc-place-call>`'s (the phone's own checks: a number in international format, a `tel:` or a
 * `sip:` address); then "Transfer now" hands the call over at once (blind transfer), or "Consult
 * first" puts the caller on hold and calls the number in a second box. While consulting, "Transfer
 * to …" joins the caller with the consulted party (attended transfer) and "Cancel, back to the
 * caller" hangs the consult call up and takes the caller back. A transfer under way and a failed
 * one (the call stays live) are said in words. Escape closes the field.
 *
 * @summary Blind or attended transfer of one call, with its own number field.
 *
 * @csspart base - The wrapper.
 * @csspart transfer-button - "Transfer" (opens and closes the field).
 * @csspart transfer-button-label - The word "Transfer" in it (a call box hides it, keeping the name, when it is narrow).
 * @csspart panel - The box around the field.
 * @csspart label - The "Transfer to" label.
 * @csspart input - The number field.
 * @csspart hint - The help text under the field.
 * @csspart error - Why the entry can't be transferred to.
 * @csspart transfer-now-button - "Transfer now" (blind).
 * @csspart consult-button - "Consult first" (attended).
 * @csspart status - "Transferring to …" / "Consulting …".
 * @csspart problem - Why the last transfer failed (the call is still live).
 * @csspart complete-button - "Transfer to …" while consulting (joins the two calls).
 * @csspart cancel-consult-button - "Cancel, back to the caller".
 *
 * @cssprop --vc-transfer-background - Background of the field's panel (default `--vc-color-surface`).
 * @cssprop --vc-transfer-border-color - Border of the field's panel (default `--vc-color-border`).
 * @cssprop --vc-transfer-error-color - Colour of the error and failure words (default `--vc-color-danger`).
 */
export class VcTransfer extends VcPhoneConsumerElement {
  static override styles = [tokens, buttons, transferStyles];

  /** The call to transfer. */
  @property({ attribute: false }) call?: Call;

  /** The number field is shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** What is in the number field. */
  @property() value = '';

  /** @internal The entry's error is shown (after a pause, on leaving the field, or on a button). */
  @state() private showError = false;
  /** @internal Why the last action was refused (refused input, a hold that failed), until the value changes. */
  @state() private actionError: string | undefined;
  /** @internal A transfer or consult is being started from here. */
  @state() private busy = false;

  private errorTimer: ReturnType<typeof setTimeout> | undefined;
  private watchedConsult: Call | undefined;

  /** The phone's verdict on the value: the target, or why it can't be transferred to (latest value wins). */
  private readonly check = new Task(this, {
    args: () => [this.phoneConsumer.phone, this.value] as const,
    task: async ([phone, value], { signal }): Promise<CallTarget | undefined> => {
      if (!phone || value.trim() === '') return undefined;
      const target = await phone.checkTarget(value);
      signal.throwIfAborted();
      return target;
    },
  });

  protected override boundCall(): Call | undefined {
    return this.call;
  }

  private get target(): CallTarget | undefined {
    return this.check.status === TaskStatus.COMPLETE ? this.check.value : undefined;
  }

  private get entryError(): string | undefined {
    if (this.actionError) return this.actionError;
    return this.check.status === TaskStatus.ERROR ? inputErrorText(this.check.error) : undefined;
  }

  /** Opens the number field and moves focus into it. */
  async openField(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  /** Closes the number field and puts focus back on "Transfer". */
  async closeField(): Promise<void> {
    this.open = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="transfer-button"]')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.errorTimer);
    this.watch(undefined);
  }

  protected override willUpdate(): void {
    const call = this.phoneConsumer.call;
    // The consult call's own changes (ringing, answered) change what this element offers.
    this.watch(call ? consultCallOf(this.phoneConsumer.phone, call) : undefined);
    if (call?.state !== 'connected') this.open = false;
  }

  override render() {
    const call = this.phoneConsumer.call;
    if (!call || call.state !== 'connected') return nothing;
    const consult = consultCallOf(this.phoneConsumer.phone, call);
    const transfer = call.transferStatus;
    return html`<div part="base" class="base">
      ${consult ? this.consulting(call, consult) : this.field(call)}
      ${call.transferring && transfer
        ? html`<p part="status" class="status" role="status">${format(strings.transferring, { party: transfer.to })}</p>`
        : transfer?.state === 'failed' && transfer.message
          ? html`<p part="problem" class="problem" role="alert">${alertIcon}<span>${format(strings.transferFailed, { reason: transferFailureWords(transfer) })}</span></p>`
          : nothing}
    </div>`;
  }

  private field(call: Call) {
    const message = this.showError ? this.entryError : undefined;
    const ready = this.target !== undefined && !this.busy && !call.transferring;
    return html`<button
        part="transfer-button"
        class="button toggle"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        title=${strings.transfer}
        ?disabled=${call.transferring}
        @click=${() => (this.open ? this.closeField() : this.openField())}
      >
        ${transferIcon}<span part="transfer-button-label" class="label">${strings.transfer}</span>
      </button>
      ${this.open
        ? html`<div part="panel" id="panel" class="panel" @keydown=${this.onPanelKeyDown}>
            <label part="label" for="transfer-number">${strings.transferTo}</label>
            <input
              part="input"
              class="input"
              id="transfer-number"
              type="text"
              dir="ltr"
              inputmode="tel"
              autocomplete="off"
              autocapitalize="off"
              spellcheck="false"
              placeholder=${strings.phoneNumberPlaceholder}
              aria-invalid=${message ? 'true' : 'false'}
              aria-describedby="transfer-help"
              .value=${this.value}
              @input=${this.onInput}
              @blur=${() => this.value.trim() !== '' && this.revealError()}
            />
            ${message
              ? html`<p part="error" id="transfer-help" class="help error">${alertIcon}<span>${message}</span></p>`
              : html`<p part="hint" id="transfer-help" class="help">${strings.transferHint}</p>`}
            <div class="row">
              <button part="transfer-now-button" class="button primary" type="button" aria-disabled=${ready ? 'false' : 'true'} @click=${() => this.transferNow(call)}>
                ${strings.transferNow}
              </button>
              <button part="consult-button" class="button" type="button" aria-disabled=${ready ? 'false' : 'true'} @click=${() => this.consultFirst(call)}>
                ${strings.consultFirst}
              </button>
            </div>
          </div>`
        : nothing}`;
  }

  private consulting(call: Call, consult: Call) {
    const party = consult.label?.trim() || consult.target.display;
    const canJoin = consult.state === 'connected' && !call.transferring && !this.busy;
    return html`<p part="status" class="status" role="status">${format(consult.state === 'connected' ? strings.consulting : strings.consultRinging, { party })}</p>
      <div class="row">
        <button part="complete-button" class="button primary" type="button" aria-disabled=${canJoin ? 'false' : 'true'} @click=${() => canJoin && this.join(call, consult)}>
          ${format(strings.completeTransfer, { party })}
        </button>
        <button part="cancel-consult-button" class="button" type="button" ?disabled=${call.transferring} @click=${() => this.cancelConsult(consult)}>${strings.cancelConsult}</button>
      </div>`;
  }

  private onInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    this.value = input.value;
    this.actionError = undefined;
    this.showError = false;
    clearTimeout(this.errorTimer);
    this.errorTimer = setTimeout(() => this.revealError(), ERROR_DELAY_MS);
    if (!event.inputType?.startsWith('delete')) formatAsTyped(this.phoneConsumer.phone, input, (formatted) => (this.value = formatted));
  }

  private revealError(): void {
    clearTimeout(this.errorTimer);
    this.showError = true;
  }

  private onPanelKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      void this.closeField();
    }
  }

  /** The checked target, or undefined (and the words shown) when the entry can't be used now. */
  private async readyTarget(call: Call): Promise<boolean> {
    await this.check.taskComplete.catch(() => undefined);
    if (this.busy || call.transferring || call.state !== 'connected') return false;
    if (!this.target) {
      if (this.value.trim() === '') this.actionError = inputErrorText({ code: 'empty', message: strings.phoneNumberHint });
      this.revealError();
      return false;
    }
    return true;
  }

  private async transferNow(call: Call): Promise<void> {
    if (!(await this.readyTarget(call))) return;
    await this.run(async () => {
      this.open = false;
      await call.transfer(this.value);
      this.value = '';
    });
  }

  private async consultFirst(call: Call): Promise<void> {
    const phone = this.phoneConsumer.phone;
    if (!phone || !(await this.readyTarget(call))) return;
    await this.run(async () => {
      await phone.consult(call, this.value);
      this.open = false;
      this.value = '';
    });
  }

  private async join(call: Call, consult: Call): Promise<void> {
    await this.run(() => call.transfer(consult));
  }

  private async cancelConsult(consult: Call): Promise<void> {
    await this.run(() => this.phoneConsumer.phone?.cancelConsult(consult) ?? Promise.resolve());
  }

  /** Runs one action; refused input is shown under the field, a failed transfer by the call's own words. */
  private async run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await action();
    } catch (error) {
      if ((error as Error).name === 'PhoneInputError' || this.open) {
        this.open = true;
        this.actionError = inputErrorText(error);
        this.revealError();
      }
    } finally {
      this.busy = false;
    }
  }

  private watch(consult: Call | undefined): void {
    if (consult === this.watchedConsult) return;
    this.watchedConsult?.removeEventListener('change', this.onConsultChange);
    this.watchedConsult = consult;
    consult?.addEventListener('change', this.onConsultChange);
  }

  private readonly onConsultChange = (): void => this.requestUpdate();
}

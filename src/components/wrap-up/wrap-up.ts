import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { crmStrings as strings } from '../../i18n/crm-later-strings.js';
import { format, inputErrorText } from '../../i18n/strings.js';
import { VcPhoneConsumerElement } from '../../internal/vc-phone-consumer-element.js';
import type { Call } from '../../phone/call.js';
import type { Phone } from '../../phone/phone.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { wrapUpStyles } from './wrap-up.styles.js';

/**
 * After a call: the agent's notes and a disposition code from the CRM's list (the phone's
 * `dispositions`), saved with "Save" (or "Skip"), and a countdown when the phone has a
 * `wrapUpSeconds` timer (what was entered is saved when it runs out). Shows the oldest finished
 * call still waiting for its wrap-up (or the call given as `callId`); nothing when there is none.
 * The wrap-up goes out as `vc-call-wrapped-up` (from the phone, and in its webhook).
 *
 * @summary Notes and disposition after a call, with an optional timer.
 *
 * @csspart base - The form.
 * @csspart title - "Wrap-up: party".
 * @csspart disposition - The disposition picker.
 * @csspart notes - The notes field.
 * @csspart save-button - Saves the wrap-up.
 * @csspart skip-button - Saves it without notes or disposition.
 * @csspart timer - "Saved automatically in N s".
 * @csspart error - Why the wrap-up was refused.
 *
 * @cssprop --vc-wrap-up-background - Background (default `--vc-color-surface`).
 * @cssprop --vc-wrap-up-border-color - Border (default `--vc-color-border`).
 */
export class VcWrapUp extends VcPhoneConsumerElement {
  static override styles = [tokens, buttons, wrapUpStyles];

  /** The finished call to wrap up (default: the oldest one waiting). */
  @property({ attribute: 'call-id' }) callId?: string;

  @state() private notes = '';
  @state() private disposition = '';
  @state() private error: string | undefined;
  @state() private now = Date.now();
  @state() private saved = '';
  private shownCall: string | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;

  protected override boundCall(phone: Phone | undefined): Call | undefined {
    if (!phone) return undefined;
    if (this.callId) return phone.getCall(this.callId);
    return phone.pendingWrapUps[0];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const call = this.phoneConsumer.call;
    const id = call && !call.wrapUp ? call.id : undefined;
    if (id !== this.shownCall) {
      this.shownCall = id;
      this.notes = '';
      this.disposition = '';
      this.error = undefined;
    }
    const due = id ? this.phoneConsumer.phone?.wrapUpDueAt(id) : undefined;
    if (due !== undefined && !this.ticker) this.ticker = setInterval(() => (this.now = Date.now()), 1000);
    if (due === undefined && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  override render() {
    const phone = this.phoneConsumer.phone;
    const call = this.phoneConsumer.call;
    const status = html`<div class="visually-hidden" role="status">${this.saved}</div>`;
    if (!phone || !call || call.wrapUp || !call.isFinal) return status;
    const party = call.label || call.target.display;
    const list = phone.config.dispositions ?? [];
    const due = phone.wrapUpDueAt(call.id);
    const seconds = due === undefined ? undefined : Math.max(0, Math.ceil((due - this.now) / 1000));
    return html`<form part="base" class="base" aria-labelledby="title" @submit=${this.onSave}>
        <h3 part="title" id="title" class="title">${format(strings.wrapUpTitle, { party })}</h3>
        ${list.length
          ? html`<label for="disposition">${strings.wrapUpDisposition}</label>
              <select part="disposition" id="disposition" class="input" .value=${this.disposition} @change=${this.onDisposition}>
                <option value="">${strings.wrapUpChoose}</option>
                ${list.map((item) => html`<option value=${item} ?selected=${item === this.disposition}>${item}</option>`)}
              </select>`
          : nothing}
        <label for="notes">${strings.wrapUpNotes}</label>
        <textarea part="notes" id="notes" class="input" rows="3" maxlength="4000" .value=${this.notes} @input=${this.onNotes}></textarea>
        ${this.error ? html`<p part="error" class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          ${seconds !== undefined ? html`<span part="timer" class="timer">${format(strings.wrapUpDueIn, { seconds: String(seconds) })}</span>` : nothing}
          <button part="skip-button" class="button" type="button" @click=${this.onSkip}>${strings.wrapUpSkip}</button>
          <button part="save-button" class="button primary" type="submit">${strings.wrapUpSave}</button>
        </div>
      </form>
      ${status}`;
  }

  private onDisposition(event: Event): void {
    this.disposition = (event.target as HTMLSelectElement).value;
    this.draft();
  }

  private onNotes(event: Event): void {
    this.notes = (event.target as HTMLTextAreaElement).value;
    this.draft();
  }

  private draft(): void {
    const call = this.phoneConsumer.call;
    if (call) this.phoneConsumer.phone?.draftWrapUp(call.id, this.input());
  }

  private input() {
    return { ...(this.notes.trim() ? { notes: this.notes } : {}), ...(this.disposition ? { disposition: this.disposition } : {}) };
  }

  private onSave(event: Event): void {
    event.preventDefault();
    this.save(this.input());
  }

  private onSkip(): void {
    this.save({});
  }

  private save(input: { notes?: string; disposition?: string }): void {
    const phone = this.phoneConsumer.phone;
    const call = this.phoneConsumer.call;
    if (!phone || !call) return;
    try {
      phone.wrapUp(call.id, input);
      this.saved = strings.wrapUpSaved;
      this.error = undefined;
    } catch (error) {
      this.error = inputErrorText(error);
    }
  }
}

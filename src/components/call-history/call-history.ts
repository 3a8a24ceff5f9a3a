import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { VcCallRequestEvent } from '../../events/user-events.js';
import { crmStrings as strings } from '../../i18n/crm-later-strings.js';
import { currentScope } from '../../i18n/locale-scope.js';
import { format } from '../../i18n/strings.js';
import { outcomeWords } from '../../i18n/outcome-words.js';
import { VcPhoneConsumerElement } from '../../internal/vc-phone-consumer-element.js';
import type { HistoryEntry } from '../../phone/call-history.js';
import type { Phone } from '../../phone/phone.js';
import { asked } from '../../phone/request-asked.js';
import type { CallOptions } from '../../phone/types.js';
import { colorTagTokens } from '../color-tag/color-palette.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { callHistoryStyles } from './call-history.styles.js';

/** mm:ss (or h:mm:ss) of a talk time. */
function talkTime(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The agent's call history (`phone.history`): who, when, how long, how it ended, the wrap-up
 * disposition, with "Call again" on each row (the same contact, label and record, through a
 * cancelable `vc-call-request`) and "Clear history". Put it inside `<vc-phone>` (it uses that
 * phone) or give it a `.phone`.
 *
 * @summary The call history, with "Call again" and "Clear history".
 *
 * @event {VcCallRequestEvent} vc-call-request - "Call again" was pressed; cancelable.
 *
 * @csspart base - The section.
 * @csspart title - "Call history".
 * @csspart list - The list of calls.
 * @csspart entry - One call.
 * @csspart party - Who was called.
 * @csspart details - When, how long, how it ended.
 * @csspart call-again-button - Calls the same contact again.
 * @csspart clear-button - Forgets the history.
 * @csspart empty - "No calls yet."
 *
 * @cssprop --vc-call-history-max-height - Height before the list scrolls (default 320px).
 */
export class VcCallHistory extends VcPhoneConsumerElement {
  static override styles = [tokens, buttons, colorTagTokens, callHistoryStyles];

  /** At most this many rows are shown (default all that the history keeps). */
  @property({ type: Number }) limit?: number;

  private listening: Phone | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.follow(undefined);
  }

  protected override willUpdate(): void {
    this.follow(this.isConnected ? this.phoneConsumer.phone : undefined);
  }

  /** Re-renders when the history of the phone in use changes. */
  private follow(phone: Phone | undefined): void {
    if (phone === this.listening) return;
    this.listening?.history.removeEventListener('change', this.onHistory);
    phone?.history.addEventListener('change', this.onHistory);
    this.listening = phone;
  }

  private readonly onHistory = (): void => this.requestUpdate();

  override render() {
    const phone = this.phoneConsumer.phone;
    const entries = (phone?.history.entries ?? []).slice(0, this.limit ?? undefined);
    return html`<section part="base" class="base" aria-labelledby="title">
      <div class="head">
        <h3 part="title" id="title" class="title">${strings.callHistory}</h3>
        ${entries.length ? html`<button part="clear-button" class="button quiet" type="button" @click=${this.clear}>${strings.clearHistory}</button>` : nothing}
      </div>
      ${entries.length
        ? html`<ul part="list" class="list">
            ${repeat(entries, (entry) => entry.id, (entry) => this.row(entry))}
          </ul>`
        : html`<p part="empty" class="empty">${strings.historyEmpty}</p>`}
    </section>`;
  }

  private row(entry: HistoryEntry) {
    // The date in the list's locale; how an unanswered call ended in its words (outcome-words.ts).
    const when = new Date(entry.startedAt).toLocaleString(currentScope().lang, { dateStyle: 'short', timeStyle: 'short' });
    const how = entry.answeredAt !== undefined ? format(strings.historyAnswered, { duration: talkTime(entry.durationMs) }) : (entry.outcome ? outcomeWords(entry.outcome) : strings.historyNotAnswered);
    const number = entry.label ? entry.target.display : '';
    return html`<li part="entry" class="entry" data-color=${entry.color ?? nothing}>
      <span class="stripe" aria-hidden="true"></span>
      <div class="text">
        <span part="party" class="party">${entry.party}${number ? html` <span class="number">${number}</span>` : nothing}</span>
        <span part="details" class="details">${when} · ${how}${entry.wrapUp?.disposition ? ` · ${entry.wrapUp.disposition}` : ''}</span>
      </div>
      <button part="call-again-button" class="button" type="button" aria-label=${format(strings.historyCallAgainWith, { party: entry.party })} @click=${() => void this.callAgain(entry)}>
        ${strings.historyCallAgain}
      </button>
    </li>`;
  }

  private clear(): void {
    this.phoneConsumer.phone?.history.clear();
  }

  /** Calls the entry's contact again (its label, record and caller ID), after a cancelable `vc-call-request`. */
  private async callAgain(entry: HistoryEntry): Promise<void> {
    const phone = this.phoneConsumer.phone;
    if (!phone) return;
    const options: CallOptions = {
      ...(entry.label !== undefined ? { label: entry.label } : {}),
      ...(entry.record !== undefined ? { record: entry.record } : {}),
      ...(entry.from && phone.config.fromNumbers ? { from: entry.from } : {}),
    };
    const request = new VcCallRequestEvent({ to: entry.to, target: entry.target, ...options });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    await phone.call(entry.to, asked(options)).catch(() => undefined);
  }
}

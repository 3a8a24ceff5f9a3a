import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { VcBoxRemoveEvent, VcCallRequestEvent } from '../../events/user-events.js';
import { format } from '../../i18n/strings.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import { VcPhoneConsumerElement } from '../../internal/vc-phone-consumer-element.js';
import type { Call } from '../../phone/call.js';
import type { CallOptions } from '../../phone/types.js';
import type { VcCallBox } from '../call-box/call-box.js';
import { CALL_BOX_PARTS } from '../call-box/call-box.parts.js';
import { CALL_LIST_PARTS } from './call-list.parts.js';
import { asked } from '../../phone/request-asked.js';
import { isMicrophoneProblem } from '../call-box/call-words.js';
import { colorTagTokens } from '../color-tag/color-palette.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { CallAnnouncer } from './call-announcer.js';
import { callListStyles } from './call-list.styles.js';
import { recentRow } from './recent-row.js';

export { CALL_LIST_PARTS } from './call-list.parts.js';
const BOX_EXPORTS = CALL_BOX_PARTS.map((part) => (part === 'base' ? 'base: call-box-base' : part)).join(', ');

/** Recent rows shown at first, and added by each "Show more". */
const RECENT_PAGE = 20;

/**
 * Every call of a phone: live calls pinned on top as full boxes (newest first; side by side
 * when the list is wider than about 640 px; the newest call also stays a box when the
 * microphone stopped it, so its alert says how to fix that), and finished calls folded into one-line "Recent"
 * rows (who, outcome chip, time, "Call again", bin) under them, with "Clear all". Only the
 * newest rows are drawn at first ("Show more" adds more), so hundreds of stored calls cost
 * little to mount; each box re-renders only when its own call changes.
 *
 * One polite live region speaks for all calls ("Call with Alice connected"). When a box that
 * has focus folds into its row, focus follows to the row; when a row is removed, focus moves
 * to its neighbour. "Call again" asks first with a cancelable `vc-call-request`, as the
 * place-call field does, and moves focus to the new box.
 *
 * @summary Live calls as boxes, finished calls as Recent rows, one live region.
 *
 * @event {VcCallRequestEvent} vc-call-request - "Call again" on a Recent row, before dialling (cancelable).
 * @event {VcBoxCloseEvent} vc-box-close - From a box: closed with the X, or hung up.
 * @event {VcBoxRemoveEvent} vc-box-remove - A finished call was removed (a row's bin, "Clear all" once per call, or a box's bin).
 * @event {VcDtmfEvent} vc-dtmf - From a box's dialpad.
 * @event {VcMuteChangeEvent} vc-mute-change - From a box's mute button.
 * @event {VcColorChangeEvent} vc-color-change - From a box's colour tag.
 *
 * @slot empty - Shown when there is no call (nothing by default).
 *
 * @csspart base - The whole list.
 * @csspart live - The live boxes (a grid when wide).
 * @csspart call-box - Each `<vc-call-box>`; its own parts are re-exported under the same names (its `base` as `call-box-base`).
 * @csspart recent - The Recent section.
 * @csspart recent-heading - The "Recent" heading.
 * @csspart clear-all-button - "Clear all".
 * @csspart recent-row - One finished call (a group named "Call with" and the party).
 * @csspart recent-party - Who the finished call was with.
 * @csspart recent-status - Its outcome chip.
 * @csspart recent-time - When it started, and how long it lasted.
 * @csspart call-again-button - "Call again".
 * @csspart recent-remove-button - The row's bin ("Remove").
 * @csspart show-more-button - "Show N more" rows.
 *
 * @cssprop --vc-call-list-gap - Space between boxes (default 8px).
 * @cssprop --vc-call-list-column-width - Narrowest column of the grid of live boxes (default 300px).
 */
export class VcCallList extends VcPhoneConsumerElement {
  static override styles = [tokens, buttons, colorTagTokens, callListStyles];

  /** @internal Its parts and its boxes', for `exportparts` further up (`<vc-phone>` reads them from the defined class). */
  static readonly exportedParts: readonly string[] = CALL_LIST_PARTS;

  /** No local key tones on the dialpads. */
  @property({ type: Boolean, reflect: true }) silent?: boolean;

  /** How many Recent rows are drawn. */
  @state() private recentLimit = RECENT_PAGE;

  private readonly announcer = new CallAnnouncer(this, () => this.phoneConsumer.phone, () => this.requestUpdate());
  /** The call whose box had focus as it folded into a row. */
  private refocus: string | undefined;

  /** Moves focus to the box (or row) of a call, once it is drawn. */
  async focusCall(callId: string): Promise<void> {
    await this.updateComplete;
    const box = [...this.renderRoot.querySelectorAll<VcCallBox>('vc-call-box')].find((el) => el.resolvedCall?.id === callId);
    if (box) {
      await box.updateComplete;
      box.focus();
    } else this.rowGroup(callId)?.focus();
  }

  protected override willUpdate(): void {
    const active = this.shadowRoot?.activeElement as VcCallBox | null | undefined;
    if (active?.localName === 'vc-call-box' && active.resolvedCall?.isFinal) this.refocus = active.resolvedCall.id;
  }

  protected override updated(): void {
    if (this.refocus === undefined) return;
    this.rowGroup(this.refocus)?.focus();
    this.refocus = undefined;
  }

  override render() {
    const phone = this.phoneConsumer.phone;
    const calls = phone?.calls ?? [];
    // The newest call stays a box when the microphone stopped it: its alert says how to fix that.
    const boxed = (call: Call) => call.isLive || (call === calls[0] && call.outcome !== undefined && isMicrophoneProblem(call.outcome));
    const live = calls.filter(boxed);
    const finished = calls.filter((call) => !boxed(call));
    const shown = finished.slice(0, this.recentLimit);
    const more = finished.length - shown.length;
    return html`<div part="base" class="base" @vc-box-remove=${this.onBoxRemove}>
        ${calls.length ? nothing : html`<slot name="empty"></slot>`}
        ${live.length
          ? html`<div part="live" class="live">${repeat(
              live,
              (call) => call.id,
              (call) =>
                html`<vc-call-box part="call-box" exportparts=${BOX_EXPORTS} quiet .call=${call} .phone=${phone} ?silent=${this.silent ?? false}></vc-call-box>`,
            )}</div>`
          : nothing}
        ${finished.length
          ? html`<section part="recent" class="recent" aria-labelledby="recent-heading">
              <div class="recent-head">
                <h2 part="recent-heading" id="recent-heading" class="recent-heading">${strings.recent}</h2>
                <button part="clear-all-button" class="button quiet" type="button" @click=${this.clearAll}>${strings.clearAll}</button>
              </div>
              <ul class="rows">${repeat(shown, (call) => call.id, (call) => recentRow(call, { callAgain: this.callAgain, remove: this.removeRow }))}</ul>
              ${more > 0
                ? html`<button part="show-more-button" class="button quiet more" type="button" @click=${() => (this.recentLimit += RECENT_PAGE)}>
                    ${format(strings.showMore, { count: String(Math.min(more, RECENT_PAGE)) })}
                  </button>`
                : nothing}
            </section>`
          : nothing}
        <div class="visually-hidden" role="status">${this.announcer.text}</div>
      </div>`;
  }

  private rowGroup(callId: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.row[data-call-id="${CSS.escape(callId)}"] .row-group`);
  }

  /** Redials a finished call's party (with its label), after a cancelable `vc-call-request`. */
  private readonly callAgain = (call: Call): void => {
    void this.redial(call);
  };

  private async redial(call: Call): Promise<void> {
    const phone = this.phoneConsumer.phone;
    if (!phone) return;
    const to = call.target.e164 ?? call.target.uri;
    // The same contact again: its name and record, and the caller ID it was placed with.
    const options: CallOptions = {
      ...(call.label !== undefined ? { label: call.label } : {}),
      ...(call.record !== undefined ? { record: call.record } : {}),
      ...(call.from && phone.config.fromNumbers ? { from: call.from } : {}),
    };
    const request = new VcCallRequestEvent({ to, target: call.target, ...options });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    const next = await phone.call(to, asked(options)).catch(() => undefined);
    if (next) await this.focusCall(next.id);
  }

  private readonly removeRow = (call: Call): void => {
    const phone = this.phoneConsumer.phone;
    if (!phone || call.isLive) return;
    const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('.row')];
    const index = rows.findIndex((row) => row.dataset.callId === call.id);
    phone.removeCall(call.id);
    this.dispatchEvent(new VcBoxRemoveEvent({ callId: call.id }));
    void this.updateComplete.then(() => {
      const remaining = [...this.renderRoot.querySelectorAll<HTMLElement>('.row-group')];
      const next = remaining[Math.min(index, remaining.length - 1)];
      if (next) next.focus();
      else this.focusFirstBox();
    });
  };

  /** Removes every finished call (a `vc-box-remove` each). */
  private clearAll(): void {
    const phone = this.phoneConsumer.phone;
    if (!phone) return;
    for (const call of phone.calls.filter((c) => !c.isLive)) {
      phone.removeCall(call.id);
      this.dispatchEvent(new VcBoxRemoveEvent({ callId: call.id }));
    }
    this.recentLimit = RECENT_PAGE;
    void this.updateComplete.then(() => this.focusFirstBox());
  }

  private focusFirstBox(): void {
    this.renderRoot.querySelector<VcCallBox>('vc-call-box')?.focus();
  }

  /** A standalone box's bin (not in this list's rows): keep keyboard focus in the list. */
  private onBoxRemove(event: Event): void {
    if ((event.target as Element).localName !== 'vc-call-box') return;
    void this.updateComplete.then(() => this.focusFirstBox());
  }
}

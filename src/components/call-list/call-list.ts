import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { VcPhoneConsumerElement } from '../../internal/vc-phone-consumer-element.js';
import type { VcCallBox } from '../call-box/call-box.js';
import { CALL_BOX_PARTS } from '../call-box/call-box.parts.js';
import { tokens } from '../shared/tokens.styles.js';
import { callListStyles } from './call-list.styles.js';

export { CALL_LIST_PARTS } from './call-list.parts.js';
const BOX_EXPORTS = CALL_BOX_PARTS.map((part) => (part === 'base' ? 'base: call-box-base' : part)).join(', ');

/**
 * The stack of call boxes of a phone, newest first: one `<vc-call-box>` per call, live or
 * finished, until the agent removes it. When a box is removed, focus moves to its neighbour.
 *
 * @summary Every call of the phone as a stack of call boxes.
 *
 * @event {VcBoxCloseEvent} vc-box-close - From a box: closed with the X.
 * @event {VcBoxRemoveEvent} vc-box-remove - From a box: removed with the bin.
 * @event {VcDtmfEvent} vc-dtmf - From a box's dialpad.
 * @event {VcMuteChangeEvent} vc-mute-change - From a box's mute button.
 * @event {VcColorChangeEvent} vc-color-change - From a box's colour tag.
 *
 * @slot empty - Shown when there is no call (nothing by default).
 *
 * @csspart base - The stack.
 * @csspart call-box - Each `<vc-call-box>`; its own parts are re-exported under the same names (its `base` as `call-box-base`).
 *
 * @cssprop --vc-call-list-gap - Space between boxes (default 8px).
 */
export class VcCallList extends VcPhoneConsumerElement {
  static override styles = [tokens, callListStyles];

  /** No local key tones on the dialpads. */
  @property({ type: Boolean, reflect: true }) silent?: boolean;

  override render() {
    const calls = this.phoneConsumer.phone?.calls ?? [];
    if (!calls.length) return html`<slot name="empty"></slot>`;
    return html`<div part="base" class="base" @vc-box-remove=${this.onRemove}>${repeat(
      calls,
      (call) => call.id,
      (call) =>
        html`<vc-call-box part="call-box" exportparts=${BOX_EXPORTS} .call=${call} .phone=${this.phoneConsumer.phone} ?silent=${this.silent ?? false}></vc-call-box>`,
    )}</div>${nothing}`;
  }

  /** Keeps keyboard focus in the stack when a box goes away. */
  private onRemove(event: Event): void {
    const boxes = [...this.renderRoot.querySelectorAll<VcCallBox>('vc-call-box')];
    const index = boxes.indexOf(event.target as VcCallBox);
    void this.updateComplete.then(() => {
      const remaining = [...this.renderRoot.querySelectorAll<VcCallBox>('vc-call-box')];
      remaining[Math.min(index, remaining.length - 1)]?.focus();
    });
  }
}

import { VcPhoneConsumerElement } from '../../internal/vc-phone-consumer-element.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { phoneStatusStyles } from './phone-status.styles.js';
import { StatusPill } from './status-pill.js';

/**
 * The phone's status as a pill: "Ready", "Connecting", or "Offline" with "retry in N s" (where
 * the phone says when) or the words about the lost connection, and a Retry button that
 * connects again now. It always keeps the same height, and the words stay put while the phone
 * retries, so nothing around it jumps. `<vc-phone>` shows one above the place-call field; a
 * page can put one anywhere under a `<vc-phone>` (or give it `.phone`).
 *
 * @summary Ready / Connecting / Offline pill with Retry.
 *
 * @csspart base - The row (a group named "Phone status").
 * @csspart status-pill - Ready / Connecting / Offline.
 * @csspart connection - While offline: "retry in N s", or why (the phone's `connectionReason`) in the element's language.
 * @csspart retry-button - While offline: connects again now (not while the page's security policy blocks the server).
 */
export class VcPhoneStatus extends VcPhoneConsumerElement {
  static override styles = [tokens, buttons, phoneStatusStyles];

  private readonly pill = new StatusPill(this, () => this.phoneConsumer.phone);

  override render() {
    return this.pill.render();
  }
}

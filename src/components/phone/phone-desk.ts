/**
 * What `<vc-phone>` shows, the agent's desk: the status row, the audio settings toggle, the
 * place-call field, the wrap-up, the call list and the slot, with the parts of the elements
 * inside re-exported (`exportparts`) so a page styles them from outside.
 * @internal
 */
import { html, nothing, type TemplateResult } from 'lit';
import { strings } from '../../i18n/strings.js';
import type { Phone } from '../../phone/phone.js';
import type { VcPhone } from './phone-element.js';
import { installedWiring } from './phone-wiring-loader.js';

/**
 * The call list's parts, re-exported: their list comes with the call list's code (a later chunk
 * of the CDN build), read from its class once `<vc-call-list>` is defined; the re-render that
 * adds them (phone-element.ts) runs before the list has painted a part.
 */
const callListParts = (): string =>
  (customElements.get('vc-call-list') as { exportedParts?: readonly string[] } | undefined)?.exportedParts?.join(', ') ?? '';

/**
 * The place-call field's parts (its `@csspart`s, `PLACE_CALL_PARTS` in place-call.ts), re-exported;
 * its `base` as `place-call-base`. Written out, as computing it costs first-paint bytes; a test in
 * test/components/phone.test.ts fails when the two lists differ.
 */
const PLACE_CALL_EXPORTS = 'base: place-call-base, place-call-button, panel, label, input, call-button, hint, error, disabled-reason, caller-id-label, caller-id';

/**
 * When the last box or row went, focus goes to "Place call" rather than being lost to the page.
 * A listener: Lit calls it with the element as `this`. (In the wiring: there was a call, so it is there.)
 */
function keepFocus(this: VcPhone): void {
  installedWiring()?.keepFocus(this);
}

/**
 * The desk of `el`, with `phone` in use (none yet while it loads), the audio settings toggle as
 * rendered, and what moves focus to a new call's box after dialling.
 */
export function deskTemplate(el: VcPhone, phone: Phone | undefined, audioSettings: TemplateResult, afterDial: (callId: string) => Promise<void>): TemplateResult {
  // Until the lazily loaded phone is there, "Place call" works (opening the field loads it),
  // or says why calling is off (the same words the place-call field will use).
  const pending = phone ? false : el.disabled ? el.disabledReason || strings.phoneOff : true;
  return html`<div part="base" class="base" @vc-box-remove=${keepFocus}>
    <vc-phone-status part="status-bar" exportparts="status-pill, connection, retry-button"></vc-phone-status>
    ${audioSettings}
    <vc-place-call part="place-call" exportparts=${PLACE_CALL_EXPORTS} .pending=${pending} .afterDial=${afterDial}></vc-place-call>
    ${phone?.wrapUpEnabled ? html`<vc-wrap-up part="wrap-up"></vc-wrap-up>` : nothing}
    <vc-call-list part="call-list" exportparts=${callListParts()} ?silent=${el.silent ?? false}></vc-call-list>
    <slot></slot>
  </div>`;
}

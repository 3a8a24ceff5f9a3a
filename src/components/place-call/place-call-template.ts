/**
 * What `<vc-place-call>` shows: the "Place call" button (or why calling is off), and when open
 * the number field, its "Call" button, the caller-ID picker and the line under the field (the
 * error, why the phone is offline, or the hint). The element keeps the state and the handlers;
 * Lit calls each handler with the element as `this`. An `aria-*` bound to a boolean is written
 * `"true"`/`"false"` by Lit, as the strings would be (fewer first-paint bytes).
 * @internal
 */
import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { strings } from '../../i18n/strings.js';
import type { Phone } from '../../phone/phone.js';
import { callerIdChoices } from './caller-id-picker.js';
import type { VcPlaceCall } from './place-call.js';
import { alertIcon, phoneIcon } from '../shared/icons.js';

/**
 * The field of `el`, with `phone` in use (none yet while it loads), the error to show (if any),
 * whether the phone is offline, and whether "Call" can place a call now.
 */
export function placeCallTemplate(el: VcPlaceCall, phone: Phone | undefined): TemplateResult {
  const enabled = phone ? phone.enabled : el.pending === true;
  const reason = phone ? (phone.enabled ? '' : phone.config.disabledReason || strings.phoneOff) : typeof el.pending === 'string' ? el.pending : el.pending ? '' : strings.noPhone;
  const open = el.open && enabled;
  const message = el.showError ? el.error : undefined;
  const offline = el.offline;
  const callerIds = callerIdChoices(phone);
  return html`<div part="base" class="base">
    <button
      part="place-call-button"
      class="button primary toggle"
      type="button"
      aria-expanded=${open}
      aria-controls="panel"
      aria-describedby=${reason ? 'disabled-reason' : nothing}
      ?disabled=${!enabled}
      @click=${el.toggle}
    >
      ${phoneIcon}<span>${strings.placeCall}</span>
    </button>
    ${reason ? html`<p part="disabled-reason" id="disabled-reason" class="disabled-reason">${reason}</p>` : nothing}
    ${open
      ? html`<div part="panel" id="panel" class="panel" @keydown=${el.panelKey}>
          <label part="label" for="number">${strings.phoneNumber}</label>
          <div class="row">
            <input
              part="input"
              class="input"
              id="number"
              type="text"
              dir="ltr"
              inputmode="tel"
              autocomplete="off"
              autocapitalize="off"
              spellcheck="false"
              placeholder=${strings.phoneNumberPlaceholder}
              aria-invalid=${!!message}
              aria-describedby="help"
              .value=${el.value}
              @input=${el.formatTyped}
              @focus=${el.warmUp}
              @blur=${el.revealOnLeave}
            />
            <button
              part="call-button"
              class="button primary call-button"
              type="button"
              aria-describedby=${offline ? 'help' : nothing}
              ?disabled=${!el.target || offline || el.placing.status === TaskStatus.PENDING}
              @click=${el.dial}
            >
              ${strings.call}
            </button>
          </div>
          ${callerIds.length > 1
            ? html`<div class="caller-id">
                <label part="caller-id-label" for="caller-id">${strings.callFrom}</label>
                <select part="caller-id" id="caller-id" class="input" @change=${el.pickCallerId}>
                  ${callerIds.map((choice, index) => html`<option value=${index} ?selected=${index === el.callerIdIndex}>${choice.text}</option>`)}
                </select>
              </div>`
            : nothing}
          ${message
            ? html`<p part="error" id="help" class="help error">${alertIcon}<span>${message}</span></p>`
            : offline
              ? html`<p part="hint" id="help" class="help">${strings.offlineReason}</p>`
              : html`<p part="hint" id="help" class="help">${strings.phoneNumberHint}</p>`}
        </div>`
      : nothing}
  </div>`;
}

/** One finished call, folded to a line: who, outcome chip, time, "Call again" and the bin. */
import { html, nothing } from 'lit';
import { format } from '../../i18n/strings.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import type { Call } from '../../phone/call.js';
import { partyName, partyNumber } from '../call-box/call-features.js';
import { clockTime, formatDuration, stateChip, stateDetail } from '../call-box/call-words.js';
import { binIcon, redialIcon } from '../shared/icons.js';

export interface RecentRowHandlers {
  callAgain: (call: Call) => void;
  remove: (call: Call) => void;
}

export function recentRow(call: Call, on: RecentRowHandlers) {
  const name = partyName(call);
  const number = partyNumber(call);
  const chip = stateChip(call);
  const detail = stateDetail(call);
  const time = clockTime(call.startedAt);
  const duration = call.answeredAt !== undefined ? formatDuration(call.durationMs) : '';
  return html`<li class="row" data-call-id=${call.id}>
    <div part="recent-row" class="row-group" role="group" aria-label=${format(strings.callWith, { party: name })} tabindex="-1" data-color=${call.color ?? nothing}>
      <span class="row-stripe" aria-hidden="true"></span>
      <span part="recent-party" class="row-party" dir="auto" title=${number ? `${name} (${number})` : name}>${name}${number ? html`<span class="visually-hidden"> ${number}</span>` : nothing}</span>
      <span part="recent-status" class="chip" data-tone=${chip.tone} title=${detail}>${chip.text}</span>
      ${detail ? html`<span class="visually-hidden">${detail}</span>` : nothing}
      <span part="recent-time" class="row-time">${duration ? `${time} · ${duration}` : time}</span>
      <button part="call-again-button" class="button row-again" type="button" title=${strings.callAgain} @click=${() => on.callAgain(call)}>
        ${redialIcon}<span class="label">${strings.callAgain}</span>
      </button>
      <button part="recent-remove-button" class="button icon-button" type="button" aria-label=${strings.remove} title=${strings.remove} @click=${() => on.remove(call)}>${binIcon}</button>
    </div>
  </li>`;
}

/**
 * The box's merge controls: "Merge" (with the one other connected call) and, once merged, a
 * "Merged with …" line and "Split". The telephony is the phone's (`phone.merge`/`phone.split`);
 * this only decides what to offer and says what went wrong, in words.
 */
import { html, nothing, svg } from 'lit';
import { format } from '../../i18n/strings.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import type { Call } from '../../phone/call.js';
import type { Phone } from '../../phone/phone.js';
import { partyName } from './call-features.js';

const mergeIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M8 3v5a4 4 0 0 0 4 4 4 4 0 0 1 4 4v5"/><path d="M16 3v5a4 4 0 0 1-4 4"/></svg>`;

/** The call this one could be merged with: the only other connected call, neither merged yet. */
export function mergeCandidate(phone: Phone | undefined, call: Call): Call | undefined {
  if (!phone || call.state !== 'connected' || call.mergedWith || call.hangingUp) return undefined;
  const others = phone.calls.filter((other) => other !== call && other.state === 'connected' && !other.hangingUp);
  return others.length === 1 && !others[0].mergedWith ? others[0] : undefined;
}

/** The call this one is merged with. */
export function mergedPartner(phone: Phone | undefined, call: Call): Call | undefined {
  return call.mergedWith ? phone?.getCall(call.mergedWith) : undefined;
}

/** Merges or splits; resolves with the words of a refusal (nothing changed then). */
export async function mergeOrSplit(phone: Phone, call: Call, other: Call | undefined): Promise<string | undefined> {
  try {
    await (other ? phone.merge(call, other) : phone.split(call));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** What the box's live region says when the call was merged or split ("Merged with Bob Chen"). */
export function mergeAnnouncement(phone: Phone | undefined, call: Call, wasMergedWith: string | undefined): string {
  const other = phone?.getCall(call.mergedWith ?? wasMergedWith ?? '');
  const party = other ? partyName(other) : '';
  return format(call.mergedWith ? strings.mergedWith : strings.announceSplit, { party });
}

/** What a list's one live region says when a call was merged or split ("Call with Alice merged with Bob"). */
export function mergeAnnouncementAbout(phone: Phone | undefined, call: Call, otherCallId: string): string {
  const other = phone?.getCall(otherCallId);
  return format(call.mergedWith ? strings.announceMerged : strings.announceUnmerged, { party: partyName(call), other: other ? partyName(other) : '' });
}

/** The "Merged with …" line (under the title). */
export function mergedLine(partner: Call | undefined) {
  return partner ? html`<p part="merged" class="detail merged">${format(strings.mergedWith, { party: partyName(partner) })}</p>` : nothing;
}

/** The Merge or Split button of the controls row (nothing when neither applies). */
export function mergeButton(candidate: Call | undefined, partner: Call | undefined, busy: boolean, act: () => void) {
  if (partner) {
    return html`<button part="split-button" class="button merge" type="button" aria-label=${format(strings.splitFrom, { party: partyName(partner) })} title=${format(strings.splitFrom, { party: partyName(partner) })} aria-disabled=${busy ? 'true' : 'false'} @click=${act}>
      ${mergeIcon}<span class="label">${strings.split}</span>
    </button>`;
  }
  if (!candidate) return nothing;
  return html`<button part="merge-button" class="button merge" type="button" aria-label=${format(strings.mergeWith, { party: partyName(candidate) })} title=${format(strings.mergeWith, { party: partyName(candidate) })} aria-disabled=${busy ? 'true' : 'false'} @click=${act}>
    ${mergeIcon}<span class="label">${strings.merge}</span>
  </button>`;
}

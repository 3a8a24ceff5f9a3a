/**
 * The box's merge controls: "Merge" (with the one other connected call) and, once merged, a
 * "Merged with …" line and "Split". The telephony is the phone's (`phone.merge`/`phone.split`);
 * this only decides what to offer and says what went wrong, in words.
 */
import { html, nothing } from 'lit';
import { format, inputErrorText } from '../../i18n/strings.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import type { Call } from '../../phone/call.js';
import type { Phone } from '../../phone/phone.js';
import type { MergeProblem } from '../../phone/types.js';
import { mergeIcon } from '../shared/icons.js';
import { partyName } from './call-features.js';

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

/** Merges or splits; resolves with the refusal (nothing changed then), put in words while rendering (`mergeProblemLine`). */
export async function mergeOrSplit(phone: Phone, call: Call, other: Call | undefined): Promise<unknown> {
  try {
    await (other ? phone.merge(call, other) : phone.split(call));
    return undefined;
  } catch (error) {
    return error ?? new Error('refused');
  }
}

const PROBLEM_WORDS = {
  'same-call': 'mergeSameCall',
  'not-connected': 'mergeNotConnected',
  'already-merged': 'mergeAlreadyMerged',
  'not-merged': 'splitNotMerged',
  failed: 'mergeFailed',
} as const satisfies Record<MergeProblem, keyof typeof strings>;

/**
 * A refused merge or split in the words of the box's language (read while rendering): by the
 * error's `problem` code; other refused input by its code; anything else (the merge code could
 * not load...) as a failed merge. The phone's English message stays in the tooltip.
 */
export function mergeProblemLine(error: unknown) {
  const { problem, message } = error as { problem?: string; message?: string };
  const key = problem && Object.prototype.hasOwnProperty.call(PROBLEM_WORDS, problem) ? PROBLEM_WORDS[problem as MergeProblem] : undefined;
  const words = key ? strings[key] : (error as Error | undefined)?.name === 'PhoneInputError' ? inputErrorText(error) : strings.mergeFailed;
  return html`<p part="merge-problem" class="detail" role="status" title=${message ?? ''}>${words}</p>`;
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

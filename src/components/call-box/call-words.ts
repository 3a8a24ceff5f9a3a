/** What a call box says about its call, in the words of the strings table. */
import { format } from '../../i18n/strings.js';
import { currentScope } from '../../i18n/locale-scope.js';
import { outcomeWords } from '../../i18n/outcome-words.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import type { Call } from '../../phone/call.js';
import type { CallEndReason, CallOutcome } from '../../phone/types.js';
import { isHeld, isHeldByRemote, partyName } from './call-features.js';

const MICROPHONE_REASONS: ReadonlySet<CallEndReason> = new Set(['microphone-denied', 'no-microphone', 'insecure-context']);

const digitFormats = new Map<string | undefined, { one: Intl.NumberFormat; two: Intl.NumberFormat }>();
const timeFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/**
 * mm:ss (h:mm:ss from an hour on), with the digits of `locale` (default: the locale being
 * rendered; `ar` writes ٠٣:٢٥).
 */
export function formatDuration(ms: number, locale: string | undefined = currentScope().lang): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  let digits = digitFormats.get(locale);
  if (!digits) {
    const one = new Intl.NumberFormat(locale ?? 'en', { useGrouping: false });
    digits = { one, two: new Intl.NumberFormat(locale ?? 'en', { minimumIntegerDigits: 2, useGrouping: false }) };
    digitFormats.set(locale, digits);
  }
  const mmss = `${digits.two.format(Math.floor((total % 3600) / 60))}:${digits.two.format(total % 60)}`;
  return hours ? `${digits.one.format(hours)}:${mmss}` : mmss;
}

/** The call failed or ended for want of a usable microphone (the box shows how to fix it). */
export function isMicrophoneProblem(outcome: CallOutcome): boolean {
  return MICROPHONE_REASONS.has(outcome.reason);
}

/** The state in words, as shown. */
export function stateText(call: Call): string {
  if (call.hangingUp) return strings.stateHangingUp;
  switch (call.state) {
    case 'dialing':
      return strings.stateDialing;
    case 'ringing':
      return strings.stateRinging;
    case 'early-media':
      return strings.stateEarlyMedia;
    case 'connected':
      if (isHeld(call)) return strings.stateOnHold;
      if (isHeldByRemote(call)) return strings.stateHeldByRemote;
      // The audio flows on while the phone reconnects to the SIP server.
      if (call.reconnecting) return strings.stateReconnecting;
      return strings.stateConnected;
    default:
      return format(strings.stateEndedWith, { reason: reasonText(call) });
  }
}

/** What the polite live region says when the state changes. */
export function announcementFor(call: Call): string {
  if (call.isFinal) return format(strings.announceEnded, { reason: reasonText(call) });
  return stateText(call);
}

/** The outcome's words: a translation from the strings table, else the phone's own. */
export function outcomeText(outcome: CallOutcome): string {
  return outcomeWords(outcome);
}

/** The time of day, as hours and minutes in the locale being rendered (the browser's when the page names none). */
export function clockTime(epochMs: number): string {
  const locale = currentScope().lang;
  let format = timeFormats.get(locale);
  if (!format) timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' })));
  return format.format(epochMs);
}

function reasonText(call: Call): string {
  const outcome = call.outcome;
  if (!outcome) return '';
  if (isMicrophoneProblem(outcome)) return strings.microphoneProblem;
  if (outcome.reason === 'hangup' && outcome.endedBy === 'local') return strings.endedByYou;
  if (outcome.reason === 'hangup' && outcome.endedBy === 'remote') return strings.endedByFarEnd;
  return outcomeText(outcome);
}

/** How a chip looks: `live` (in progress), `good` (connected), `held`, `bad` (failed), `neutral` (ended). */
export type ChipTone = 'live' | 'good' | 'held' | 'bad' | 'neutral';

const FAILURE_CHIPS: Partial<Record<CallEndReason, keyof typeof strings>> = {
  busy: 'chipBusy',
  'no-answer': 'chipNoAnswer',
  unavailable: 'chipNoAnswer',
  'not-found': 'chipNotFound',
  declined: 'chipDeclined',
  cancelled: 'chipCancelled',
  'microphone-denied': 'chipMicrophone',
  'no-microphone': 'chipMicrophone',
  'insecure-context': 'chipMicrophone',
};

/** The state as a short chip ("Ringing", "On hold", "Busy"...) and its tone; "Ended" only for calls that connected. */
export function stateChip(call: Call): { text: string; tone: ChipTone } {
  if (call.hangingUp) return { text: strings.stateHangingUp, tone: 'live' };
  if (call.state === 'connected') {
    if (isHeld(call) || isHeldByRemote(call)) return { text: strings.stateOnHold, tone: 'held' };
    if (call.reconnecting) return { text: strings.stateReconnecting, tone: 'live' };
    return { text: strings.stateConnected, tone: 'good' };
  }
  if (call.isLive) return { text: call.state === 'dialing' ? strings.stateDialing : strings.stateRinging, tone: 'live' };
  if (call.outcome?.reason === 'transferred') return { text: strings.chipTransferred, tone: 'neutral' };
  if (call.answeredAt !== undefined) return { text: strings.chipEnded, tone: 'neutral' };
  const key = call.outcome ? FAILURE_CHIPS[call.outcome.reason] : undefined;
  const text = key ? (strings[key] as string) : strings.chipFailed;
  return { text, tone: call.outcome?.reason === 'cancelled' ? 'neutral' : 'bad' };
}

/** The muted detail line under the chip: how it ended (with the SIP code), early media, or who holds. */
export function stateDetail(call: Call): string {
  if (call.state === 'early-media') return strings.stateEarlyMedia;
  if (call.state === 'connected' && isHeldByRemote(call) && !isHeld(call)) return strings.stateHeldByRemote;
  if (!call.isFinal || !call.outcome) return '';
  const status = call.outcome.sipStatus;
  const reason = reasonText(call);
  return status && status >= 300 ? `${reason} · ${format(strings.sipStatus, { status: String(status) })}` : reason;
}

/** What the one polite live region says about a call ("Call with Alice connected"). */
export function announcementAbout(call: Call, what: 'dialing' | 'ringing' | 'connected' | 'held' | 'resumed' | 'ended'): string {
  const party = partyName(call);
  switch (what) {
    case 'dialing':
      return format(strings.announceDialing, { party });
    case 'ringing':
      return format(strings.announceRinging, { party });
    case 'connected':
      return format(strings.announceConnected, { party });
    case 'held':
      return format(strings.announceOnHold, { party });
    case 'resumed':
      return format(strings.announceResumed, { party });
    default:
      return format(strings.announceCallEnded, { party, reason: reasonText(call) });
  }
}

/** What a call box says about its call, in the words of the strings table. */
import { format, strings } from '../../i18n/strings.js';
import type { Call } from '../../phone/call.js';
import type { CallEndReason, CallOutcome } from '../../phone/types.js';

const MICROPHONE_REASONS: ReadonlySet<CallEndReason> = new Set(['microphone-denied', 'no-microphone', 'insecure-context']);

/** mm:ss (h:mm:ss from an hour on). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
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
  return strings.outcomes[outcome.reason] ?? outcome.message;
}

/** The time of day, as hours and minutes in the agent's locale. */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function reasonText(call: Call): string {
  const outcome = call.outcome;
  if (!outcome) return '';
  if (isMicrophoneProblem(outcome)) return strings.microphoneProblem;
  if (outcome.reason === 'hangup' && outcome.endedBy === 'local') return strings.endedByYou;
  if (outcome.reason === 'hangup' && outcome.endedBy === 'remote') return strings.endedByFarEnd;
  return outcomeText(outcome);
}

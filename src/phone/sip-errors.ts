/** Maps SIP final responses and other endings of a call to a reason code and words for the agent. */
import type { CallEndCause, CallEndReason, CallOutcome, EndedBy } from './types.js';

interface Reason {
  reason: CallEndReason;
  message: string;
}

const BY_STATUS: Record<number, Reason> = {
  401: { reason: 'auth-failed', message: 'The SIP server refused the credentials. Check the SIP username and password.' },
  403: { reason: 'auth-failed', message: 'The SIP server refused the call (forbidden). Check the account is allowed to call out.' },
  407: { reason: 'auth-failed', message: 'The SIP server refused the credentials. Check the SIP username and password.' },
  404: { reason: 'not-found', message: 'The number is not reachable (not found). Check the number.' },
  484: { reason: 'not-found', message: 'The number is incomplete. Check the number.' },
  408: { reason: 'no-answer', message: 'No answer.' },
  480: { reason: 'unavailable', message: 'The person called is unavailable right now.' },
  486: { reason: 'busy', message: 'The line is busy.' },
  600: { reason: 'busy', message: 'The line is busy.' },
  603: { reason: 'declined', message: 'The call was declined.' },
  487: { reason: 'cancelled', message: 'The call was cancelled before it was answered.' },
  488: { reason: 'media-not-acceptable', message: 'The far end could not accept the audio format (media not acceptable).' },
  606: { reason: 'media-not-acceptable', message: 'The far end could not accept the audio format (media not acceptable).' },
};

/** Reason and words for a SIP final status that ended an outbound call. */
export function describeSipStatus(status: number): Reason {
  const known = BY_STATUS[status];
  if (known) return known;
  if (status >= 300 && status < 400) {
    return { reason: 'rejected', message: `The far end redirected the call elsewhere (${status}); the phone does not follow redirects.` };
  }
  if (status >= 500 && status < 600) {
    return { reason: 'server-error', message: `The SIP server had a problem (${status}). Try again in a moment.` };
  }
  if (status >= 600) return { reason: 'rejected', message: `The call was refused by the far end (${status}).` };
  return { reason: 'rejected', message: `The call could not be completed (${status}).` };
}

const OTHER_REASONS: Partial<Record<CallEndReason, string>> = {
  hangup: 'Call ended.',
  cancelled: 'The call was cancelled before it was answered.',
  'connection-lost': 'The connection to the SIP server was lost.',
  'media-failed': 'The audio connection was lost.',
  'microphone-denied':
    'Microphone access is blocked. Allow the microphone for this site (the icon in the address bar); if this page is embedded, its iframe needs allow="microphone".',
  'no-microphone': 'No microphone was found. Connect a microphone or headset, then call again.',
  'insecure-context': 'The browser only allows the microphone on secure pages: open this page over https.',
  reload: 'The page was reloaded during the call.',
  transferred: 'The call was transferred.',
  error: 'The call failed.',
};

/** Builds the outcome of a call from a reason code (and an optional SIP status, words, cause). */
export function outcome(endedBy: EndedBy, reason: CallEndReason, sipStatus?: number, message?: string, cause?: CallEndCause): CallOutcome {
  const text = message ?? (sipStatus ? describeSipStatus(sipStatus).message : OTHER_REASONS[reason]) ?? OTHER_REASONS.error!;
  const result: CallOutcome = sipStatus === undefined ? { endedBy, reason, message: text } : { endedBy, reason, message: text, sipStatus };
  if (cause) result.cause = cause;
  return result;
}

/** The outcome for a SIP final status. */
export function outcomeForStatus(status: number): CallOutcome {
  const { reason, message } = describeSipStatus(status);
  const endedBy: EndedBy = status === 408 || status >= 500 && status < 600 || status === 401 || status === 407 ? 'system' : 'remote';
  return { endedBy, reason, message, sipStatus: status };
}

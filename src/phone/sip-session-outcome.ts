/**
 * How a call ended, once sip.js says its session is over: from who hung up, the INVITE's final
 * status and how far the call got. Kept apart from the session so the rules read in one place.
 * @internal
 */
import { ANSWER_UNUSABLE_WORDS } from './sip-audio-port-zero.js';
import type { CallEndCause, CallEndReason } from './types.js';

/** Answers that mean the credentials were refused: with fresh ones the call is tried once more. */
const CREDENTIALS_REFUSED = new Set([401, 403, 407]);

export interface SessionFacts {
  /** The INVITE's final status (a 2xx leaves it undefined). */
  readonly finalStatus: number | undefined;
  readonly endedBy: 'local' | 'remote' | undefined;
  /** Any response to the INVITE arrived. */
  readonly answeredAtAll: boolean;
  /** A 2xx was taken. */
  readonly accepted: boolean;
  /** sip.js made the session Established (the answer's SDP was applied and ACKed). */
  readonly established: boolean;
  /** Fresh credentials could be fetched, and have not been tried yet. */
  readonly mayRefreshCredentials: boolean;
}

export type SessionOutcome =
  | { readonly next: 'retry-with-fresh-credentials'; readonly status: number }
  | { readonly next: 'no-answer-from-server' }
  | { readonly next: 'end'; readonly endedBy: 'local' | 'remote' | 'system'; readonly reason: CallEndReason; readonly sipStatus?: number; readonly message?: string; readonly cause?: CallEndCause };

export function sessionOutcome(facts: SessionFacts): SessionOutcome {
  const { finalStatus: status, endedBy, established } = facts;
  const hungUpHere = endedBy === 'local';
  if (facts.mayRefreshCredentials && status !== undefined && CREDENTIALS_REFUSED.has(status) && !hungUpHere) {
    return { next: 'retry-with-fresh-credentials', status };
  }
  if (endedBy === 'remote') return { next: 'end', endedBy: 'remote', reason: 'hangup' };
  if (status !== undefined && status >= 300) {
    if (status === 487 && hungUpHere) return { next: 'end', endedBy: 'local', reason: 'cancelled', sipStatus: 487 };
    return { next: 'end', endedBy: 'remote', reason: 'rejected', sipStatus: status };
  }
  if (hungUpHere) return { next: 'end', endedBy: 'local', reason: established ? 'hangup' : 'cancelled' };
  if (!facts.answeredAtAll) return { next: 'no-answer-from-server' };
  if (facts.accepted && !established) {
    // Answered, but the browser could not use the far end's SDP: sip.js ACKs and sends BYE.
    return { next: 'end', endedBy: 'system', reason: 'media-failed', message: ANSWER_UNUSABLE_WORDS, cause: 'answer-unusable' };
  }
  return { next: 'end', endedBy: 'system', reason: 'connection-lost' };
}

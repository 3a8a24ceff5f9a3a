/**
 * Call transfer in SIP terms (RFC 3515 REFER, RFC 3891 Replaces, RFC 3420 sipfrag), with no
 * sip.js in it: the Refer-To header value for a blind or an attended transfer, reading the
 * sipfrag a NOTIFY carries, and the words for each way a transfer can fail.
 * @internal
 */

import type { TransferFailure } from './types.js';

/** A failed transfer: the words (English) and why, as a code (`TransferSnapshot.reason`) with its SIP status. */
export class TransferError extends Error {
  constructor(
    message: string,
    readonly reason: TransferFailure,
    readonly sipStatus?: number,
  ) {
    super(message);
  }
}

/** A REFER the other side refused (its final status). */
export const referRefused = (status: number) => new TransferError(referRefusal(status), 'refused', status);

/** A transfer the other side accepted, whose new call failed (the sipfrag's status). */
export const targetFailed = (target: string, status: number) => new TransferError(sipfragFailure(target, status), 'target-failed', status);

/** A transfer's progress, as `vc-call-transfer` reports it. */
export type TransferState = 'requested' | 'accepted' | 'failed' | 'completed';

/** Blind (to an address), or attended (joining the call with a consult call). */
export type TransferKind = 'blind' | 'attended';

/**
 * The consult call's dialog, as the transfer target knows it: its Contact (remote target), the
 * Call-ID and both tags. The target matches the Replaces header against its own dialog, where
 * our remote tag is its local (To) tag.
 */
export interface ConsultDialog {
  remoteTarget: string;
  callId: string;
  /** The transfer target's tag (the To tag of our INVITE's dialog). */
  remoteTag: string;
  /** Our tag in the consult dialog (its From tag). */
  localTag: string;
}

/**
 * Refer-To for a blind transfer: the validated target URI in angle brackets (RFC 3261 §20: a URI
 * with `;` parameters, such as `;user=phone`, must be bracketed or they read as header parameters).
 */
export function referToUri(uri: string): string {
  if (/[\s<>"\r\n]/.test(uri) || !/^(sips?):[^@\s]+@?/i.test(uri)) {
    throw new Error(`"${uri.slice(0, 80)}" is not a SIP address a transfer can be sent to.`);
  }
  return `<${uri}>`;
}

/**
 * Refer-To for an attended transfer (RFC 3891 §4, RFC 5589 §7): the consult call's remote target
 * with a `Replaces` header naming its dialog, so that the transferee's INVITE takes that call over.
 */
export function referToReplacing(dialog: ConsultDialog): string {
  const { remoteTarget, callId, remoteTag, localTag } = dialog;
  if (/[\s<>"]/.test(remoteTarget) || /[\s]/.test(callId + remoteTag + localTag)) {
    throw new Error('The consult call has no dialog a transfer can replace.');
  }
  const replaces = encodeURIComponent(`${callId};to-tag=${remoteTag};from-tag=${localTag}`);
  // The remote target may carry parameters (;transport=...): the header goes after all of them.
  const separator = remoteTarget.includes('?') ? '&' : '?';
  return `<${remoteTarget}${separator}Replaces=${replaces}>`;
}

/** What a NOTIFY's `message/sipfrag` body says: the status line of the transferee's new call. */
export interface Sipfrag {
  status: number;
  reason: string;
}

/**
 * Reads the status line of a sipfrag (`SIP/2.0 200 OK`). Returns undefined for a body that is
 * not one (empty, a request line, garbage): such a NOTIFY tells nothing about the transfer.
 */
export function parseSipfrag(body: string | undefined): Sipfrag | undefined {
  if (!body) return undefined;
  const line = body.replace(/^\s+/, '').split(/\r?\n/)[0];
  const match = /^SIP\/2\.0[ \t]+([1-6]\d\d)(?:[ \t]+(.*))?$/i.exec(line.trimEnd());
  if (!match) return undefined;
  return { status: Number(match[1]), reason: (match[2] ?? '').slice(0, 80) };
}

/** Words for a REFER the other side refused (its final status). */
export function referRefusal(status: number): string {
  if (status === 403) return 'The other side refused to transfer the call (403 forbidden). The call is still with you.';
  if (status === 405 || status === 501) return `The other side cannot transfer calls (${status}). The call is still with you.`;
  if (status === 408) return 'The other side did not answer the transfer request in time. The call is still with you.';
  if (status === 481) return 'The other side no longer knows this call (481), so it could not be transferred.';
  if (status === 488 || status === 603) return `The other side declined the transfer (${status}). The call is still with you.`;
  return `The other side refused the transfer (${status}). The call is still with you.`;
}

/** Words for a transfer the other side accepted, whose new call failed (the sipfrag's status). */
export function sipfragFailure(target: string, status: number): string {
  const why =
    status === 486 || status === 600
      ? 'the line was busy'
      : status === 404 || status === 484
        ? 'the number was not reachable'
        : status === 408 || status === 480
          ? 'nobody answered'
          : status === 487
            ? 'the call was cancelled'
            : status === 603
              ? 'the call was declined'
              : `it failed (${status})`;
  return `The transfer to ${target} did not go through: ${why}. The call is still with you.`;
}

/** Words for a transfer that never said how it ended. */
export function transferTimeout(target: string, seconds: number): string {
  return `The transfer to ${target} was not confirmed within ${seconds} s. The call is still with you.`;
}

export { joinedWords, transferredWords } from './transfer-words.js';

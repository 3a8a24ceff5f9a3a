/**
 * Sends a REFER on an answered call and follows its NOTIFYs (RFC 3515): resolves once the
 * transferee's new call succeeded (a 2xx sipfrag), rejects with words when the REFER was refused,
 * the new call failed, or either wait ran past its deadline. The Refer-To is built here (not by
 * sip.js), so a number's `;user=phone` stays inside the brackets and Replaces names the consult
 * dialog exactly.
 * @internal
 */
import { UserAgent, type Inviter, type Notification } from 'sip.js';
import { parseSipfrag, referRefused, referToReplacing, referToUri, targetFailed, TransferError, transferTimeout, type ConsultDialog } from './transfer-refer.js';

export interface ReferWaits {
  /** How long the REFER may wait for its answer (RFC 3261's 64*T1 by default). */
  answerMs: number;
  /** How long an accepted transfer may take to report its outcome (the target may ring a while). */
  outcomeMs: number;
}

/** The consult call's dialog as sip.js knows it (for Replaces). */
export function consultDialogOf(consult: Inviter): ConsultDialog {
  const dialog = consult.dialog;
  if (!dialog) throw new Error('The consult call is not connected, so it can not be joined.');
  return { remoteTarget: dialog.remoteTarget.toString(), callId: dialog.callId, remoteTag: dialog.remoteTag, localTag: dialog.localTag };
}

/**
 * REFERs the other party of `inviter` to `target` (a validated SIP URI, or the consult call's
 * dialog for an attended transfer). `described` is what the agent calls the target (for words).
 */
export function sendRefer(
  inviter: Inviter,
  target: string | ConsultDialog,
  described: string,
  waits: ReferWaits,
  accepted: () => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (failure?: TransferError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (failure === undefined) resolve();
      else reject(failure);
    };
    const wait = (ms: number, words: TransferError) => {
      clearTimeout(timer);
      timer = setTimeout(() => settle(words), ms);
    };

    let referTo: string;
    try {
      referTo = typeof target === 'string' ? referToUri(target) : referToReplacing(target);
    } catch (error) {
      return settle(new TransferError((error as Error).message, 'not-sent'));
    }
    // sip.js writes `Refer-To: ${uri.toString()}`: a URI that prints the header value built above.
    const uri = UserAgent.makeURI(typeof target === 'string' ? target : target.remoteTarget);
    if (!uri) return settle(new TransferError(`"${described}" is not a SIP address a transfer can be sent to.`, 'not-sent'));
    Object.defineProperty(uri, 'toString', { value: () => referTo });

    const onNotify = (notification: Notification) => {
      void notification.accept().catch(() => undefined);
      if (settled) return;
      const frag = parseSipfrag(notification.request.body);
      const terminated = /^\s*terminated/i.test(notification.request.getHeader('Subscription-State') ?? '');
      if (frag && frag.status >= 200 && frag.status < 300) return settle();
      if (frag && frag.status >= 300) return settle(targetFailed(described, frag.status));
      // The subscription ended without a final answer: the transfer's fate is unknown.
      if (terminated) settle(new TransferError(`The other side stopped reporting on the transfer to ${described} before it went through. The call is still with you.`, 'unreported'));
    };

    wait(waits.answerMs, referRefused(408));
    inviter
      .refer(uri, {
        onNotify,
        requestDelegate: {
          onAccept: () => {
            if (settled) return;
            wait(waits.outcomeMs, new TransferError(transferTimeout(described, Math.round(waits.outcomeMs / 1000)), 'unconfirmed'));
            accepted();
          },
          onReject: (response) => settle(referRefused(response.message.statusCode ?? 500)),
        },
      })
      .catch((error: Error) => settle(new TransferError(`The transfer could not be sent: ${error.message}`, 'not-sent')));
  });
}

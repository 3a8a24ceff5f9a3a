/**
 * Hold in SIP terms (RFC 3264 §8.4, RFC 3261 §14.1): the re-INVITE that offers it, reading an
 * offer's direction, the wait after a 491 glare, and the words for a refused hold or resume.
 * @internal
 */
import type { Inviter } from 'sip.js';

/** A re-INVITE refused with 491 (both sides changed the call at once) is tried again this many times. */
const GLARE_RETRIES = 2;

/** The media direction an SDP offer asks for: `sendonly`/`inactive` from the other party mean we are held. */
export function offersHold(sdp: string): boolean {
  const media = sdp.split(/\r?\nm=/).slice(1);
  const direction = (section: string) => /\r?\na=(sendrecv|sendonly|recvonly|inactive)\b/.exec(`\n${section}`)?.[1];
  const sessionDirection = direction(sdp.split(/\r?\nm=/)[0]) ?? 'sendrecv';
  const audio = media.find((section) => section.startsWith('audio'));
  const wanted = (audio && direction(audio)) ?? sessionDirection;
  return wanted === 'sendonly' || wanted === 'inactive';
}

/** RFC 3261 §14.1: after a 491 the owner of the Call-ID waits 2.1-4 s before trying again. */
function glareDelayMs(): number {
  return 2100 + Math.random() * 1900;
}

/**
 * A refused hold or resume: English words in `message`, and what was asked (`held`) and the other
 * side's `status` (408 when it did not answer), so a user interface can say it in its own language.
 */
export class HoldRefusedError extends Error {
  constructor(
    readonly held: boolean,
    readonly status: number,
  ) {
    super(holdRefusal(held, status));
    this.name = 'HoldRefusedError';
  }
}

/** What a refused hold or resume says, by the other side's status. */
export function holdRefusal(held: boolean, status: number): string {
  const what = held ? 'put the call on hold' : 'take the call back';
  if (status === 491) return `The other side was changing the call at the same moment (491), so it could not ${what}. Try again.`;
  if (status === 488 || status === 606) return `The other side could not accept the audio change needed to ${what} (${status}). The call is unchanged.`;
  if (status === 408) return `The other side did not answer in time, so the phone could not ${what}. The call is unchanged.`;
  return `The other side refused to ${what} (${status}). The call is unchanged.`;
}

/**
 * Offers the hold (or the resume) in a re-INVITE (sip.js's `hold` option: `a=sendonly`, or
 * `a=sendrecv` to resume); with the same direction it refreshes the dialog (a new Contact after
 * a reconnect, and an ICE restart if asked). Resolves once the other side accepted; rejects with words when it
 * refused (a 491 is tried again after the RFC delay) or did not answer by the deadline, and the
 * next re-INVITE offers the direction the call really has.
 */
export function offerHold(
  inviter: Inviter,
  held: boolean,
  { wasHeld, deadlineMs, iceRestart = false }: { wasHeld: boolean; deadlineMs: number; iceRestart?: boolean },
  retries = GLARE_RETRIES,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // An ICE restart is asked for this offer only.
    const options = (hold: boolean, restart = false) => ({ ...inviter.sessionDescriptionHandlerOptionsReInvite, hold, offerOptions: restart ? { iceRestart: true } : undefined });
    const deadline = setTimeout(() => reject(new HoldRefusedError(held, 408)), deadlineMs);
    const refused = (error: Error) => {
      clearTimeout(deadline);
      inviter.sessionDescriptionHandlerOptionsReInvite = options(wasHeld);
      reject(error);
    };
    inviter.sessionDescriptionHandlerOptionsReInvite = options(held, iceRestart);
    inviter
      .invite({
        requestDelegate: {
          onAccept: () => {
            clearTimeout(deadline);
            inviter.sessionDescriptionHandlerOptionsReInvite = options(held);
            resolve();
          },
          onReject: (response) => {
            const status = response.message.statusCode ?? 500;
            if (status !== 491 || retries === 0) return refused(new HoldRefusedError(held, status));
            clearTimeout(deadline);
            inviter.sessionDescriptionHandlerOptionsReInvite = options(wasHeld);
            setTimeout(() => void offerHold(inviter, held, { wasHeld, deadlineMs, iceRestart }, retries - 1).then(resolve, reject), glareDelayMs());
          },
        },
      })
      // `held` says what could not be done, for words in the page's language (no status: not the other side's answer).
      .catch((error: Error) => refused(Object.assign(new Error(`The phone could not ${held ? 'put the call on hold' : 'take the call back'}: ${error.message}`), { held })));
  });
}

/**
 * Hold in SIP terms (RFC 3264 §8.4, RFC 3261 §14.1): reading an offer's direction, the wait
 * after a 491 glare, and the words for a refused hold or resume.
 * @internal
 */

/** A re-INVITE refused with 491 (both sides changed the call at once) is tried again this many times. */
export const GLARE_RETRIES = 2;

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
export function glareDelayMs(): number {
  return 2100 + Math.random() * 1900;
}

/** What a refused hold or resume says, by the other side's status. */
export function holdRefusal(held: boolean, status: number): string {
  const what = held ? 'put the call on hold' : 'take the call back';
  if (status === 491) return `The other side was changing the call at the same moment (491), so it could not ${what}. Try again.`;
  if (status === 488 || status === 606) return `The other side could not accept the audio change needed to ${what} (${status}). The call is unchanged.`;
  if (status === 408) return `The other side did not answer in time, so the phone could not ${what}. The call is unchanged.`;
  return `The other side refused to ${what} (${status}). The call is unchanged.`;
}

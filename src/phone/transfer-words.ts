/**
 * A finished transfer's words on the call (kept apart from transfer-refer.ts, so the Phone
 * carries them without the REFER code, which loads on a transfer's first use).
 * @internal
 */

/** The consult call's outcome words once the attended transfer joined it with the caller. */
export function joinedWords(caller: string): string {
  return `Transferred: ${caller} now talks to this party.`;
}

/** The outcome's words once the transfer worked. */
export function transferredWords(target: string): string {
  return `Transferred to ${target}.`;
}

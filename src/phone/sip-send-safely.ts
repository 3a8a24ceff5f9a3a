/**
 * Sends a BYE or a CANCEL through sip.js, whatever it does: sip.js throws at once (not in its
 * promise) when the dialog is in a state it does not expect (e.g. "Invalid dialog state
 * Terminated" after the far end ended it). A hang-up must never throw into the agent's click.
 * @internal
 * @returns false if nothing could be sent (it threw at once); a later refusal is swallowed.
 */
export function sendSafely(send: () => Promise<unknown>): boolean {
  try {
    send().catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}

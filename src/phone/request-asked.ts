/**
 * Marks call options whose `vc-call-request` an element already dispatched (the place-call field,
 * a click-to-dial link, "Call again"), so the phone does not ask a second time. A tiny module of
 * its own: the elements use it without loading the phone.
 * @internal
 */
// phone.ts reads the same global key (it does not import this module; see there why).
export const REQUEST_ASKED: unique symbol = Symbol.for('vc-phone.request-asked') as never;

/** Call options marked as already asked. */
export function asked<T extends object>(options: T): T {
  return { ...options, [REQUEST_ASKED]: true };
}

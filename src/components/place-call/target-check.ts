/**
 * The number field's check of what is typed, as the `@lit/task` of `<vc-place-call>` runs it:
 * the phone's verdict on the value (its target, or why it can't be called). The task aborts the
 * check of a previous value when a new one comes (the latest wins).
 * @internal
 */
import type { Phone } from '../../phone/phone.js';
import type { CallTarget } from '../../phone/types.js';

/** Settles only when `signal` aborts (it then rejects with the abort reason). */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
}

/**
 * The target `value` resolves to; rejects with why it can't be called. Without a phone yet (it
 * loads lazily) it waits for one, so an Enter typed meanwhile dials once it has arrived.
 */
export async function checkTarget([phone, value]: readonly [Phone | undefined, string], { signal }: { signal: AbortSignal }): Promise<CallTarget> {
  if (!phone) return untilAborted(signal);
  const target = await phone.checkTarget(value);
  signal.throwIfAborted();
  return target;
}

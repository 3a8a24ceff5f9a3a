/**
 * The event classes `<vc-place-call>` dispatches, in one lazily loaded module (not the first
 * paint's): taken when the agent focuses the field, so a dial does not wait on it.
 * @internal
 */
import type { PhoneInputError } from '../../phone/errors.js';
import { VcInputErrorEvent } from '../../events/input-error-event.js';

export { VcCallRequestEvent } from '../../events/call-request-event.js';

/**
 * `vc-input-error` from the field when the agent tried to dial what can't be called (bubbling,
 * composed: `<vc-phone>`'s listeners hear it too). `field` is `to`, or the setting to blame where
 * the number is fine and the configuration is not (`aor`).
 */
export function announceRefusal(el: EventTarget, error: unknown): void {
  const { code, message, field } = error as Partial<PhoneInputError>;
  if (code) el.dispatchEvent(new VcInputErrorEvent({ code, message: message ?? '', field: field || 'to' }));
}

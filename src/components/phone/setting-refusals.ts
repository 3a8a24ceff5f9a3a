/**
 * The `<vc-phone>` settings the element itself refuses (the phone never sees them): an attribute
 * that starts like JSON but is not, a `theme` it does not know, and credentials written as an
 * attribute. Each is said in words, as `vc-input-error` from the element, with the setting's
 * name as `field`; the other settings still apply. Loaded with the phone wiring, not the first paint.
 * @internal
 */
import { VcInputErrorEvent } from '../../events/input-error-event.js';

const THEMES = ['light', 'dark', 'auto'];

/** Words for each refusal (English, for developers: the event's `message`). Never the value of `auth`. */
const WORDS = {
  badJson: (field: string) =>
    `The ${field} setting starts like JSON but is not valid JSON, so it was not applied (the previous value stays). Write valid JSON, such as ["Interested", "Call back"], or a comma-separated list without [ or {.`,
  authAttribute: () =>
    'Credentials are never read from an attribute, where anyone who sees the HTML could read them: the auth attribute was removed and not used. Set them from code: el.auth = { username, password }.',
  theme: (field: string, given = '') => `${field} must be light, dark or auto (not ${JSON.stringify(given.slice(0, 24))}): the colours follow the system.`,
};

/** Dispatches the refusal of one setting from the element. */
export function refuseSetting(el: EventTarget, field: string, why: keyof typeof WORDS, given?: string): void {
  el.dispatchEvent(new VcInputErrorEvent({ code: 'invalid-config', field, message: WORDS[why](field, given) }));
}

/** `theme="purple"` is refused in words (the element follows the system, as when unset). */
export function checkTheme(el: EventTarget & { theme?: string }): void {
  const { theme } = el;
  if (said.has(el) && said.get(el) === theme) return; // said once per value (once on the page, where it is heard)
  if (!(el instanceof Node) || el.isConnected) said.set(el, theme);
  if (theme !== undefined && theme !== null && !THEMES.includes(theme)) refuseSetting(el, 'theme', 'theme', String(theme));
}

/** The theme last judged, per element. */
const said = new WeakMap<EventTarget, string | undefined>();

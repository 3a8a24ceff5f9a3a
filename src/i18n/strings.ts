import type { InputErrorCode } from '../phone/errors.js';
import { callBoxDefaults } from './call-box-defaults.js';
import { crmFirstPaint } from './crm-strings.js';
import { crmLaterDefaults } from './crm-later-defaults.js';
import { audioSettingsDefaults } from './audio-settings-defaults.js';
import { statusDefaults } from './status-defaults.js';
import { transferDefaults } from './transfer-defaults.js';
import { checkDefaults } from './check-defaults.js';
import { currentScope } from './locale-scope.js';
import type { InputErrorStrings, LocaleStrings, OutcomeStrings } from './locale-types.js';
import { registerLocale } from './locales.js';

export type { InputErrorStrings, OutcomeStrings } from './locale-types.js';
// Its own module: only the later elements use it, so it loads with them, not with the first paint.
export { format } from './format.js';

/** Words of the first paint (the place-call field): every page downloads these. The status pill's come with its code (`status-strings.ts`). */
const firstPaintStrings = {
  // Place call
  placeCall: 'Place call',
  call: 'Call',
  phoneNumber: 'Phone number',
  phoneNumberPlaceholder: '+44 20 7946 0958',
  phoneNumberHint: 'International format (+ and country code), or a sip: address.',
  noPhone: 'No phone is configured on this page.',
  phoneOff: 'Outbound calling is switched off.',
  offlineReason: 'Offline: calls can be placed again once the phone is back online.',
  // <vc-phone>: opens the audio settings
  audioSettings: 'Audio settings',
  audioSettingsUnavailable: 'Audio settings could not be loaded. Check the connection and try again.',
};

/**
 * Every word the elements show or announce, in one table (English). Translate by calling
 * `setStrings({...})` before the elements render; `{name}` placeholders are filled by `format()`.
 */
export const defaultStrings = { ...firstPaintStrings, ...statusDefaults, ...callBoxDefaults, ...crmFirstPaint, ...crmLaterDefaults, ...audioSettingsDefaults, ...checkDefaults, ...transferDefaults };

export type VcStrings = typeof defaultStrings & { outcomes: OutcomeStrings; inputErrors: InputErrorStrings };

/** The English table (with `setStrings` overrides): every locale's fallback. */
const english = { ...firstPaintStrings, ...crmFirstPaint, outcomes: {}, inputErrors: {} } as VcStrings;

/**
 * The table in use, read at render time: while an element renders it answers in that element's
 * locale (its `lang`, or its ancestors', see `locale-scope.ts`), a key the locale lacks in
 * English. The call boxes' English words join it when their code loads (`call-box-strings.ts`).
 */
export const strings: VcStrings = new Proxy(english, {
  get(base, key: string) {
    const table = currentScope().table as Record<string, unknown> | undefined;
    const own = base[key as keyof VcStrings];
    if (!table) return own;
    if (key === 'outcomes' || key === 'inputErrors') return { ...(own as object), ...(table[key] as object) };
    return table[key] ?? own;
  },
});

/**
 * Changes words. Without `locale`: the English table, which is also what every locale shows for
 * a key it lacks. With one (`setStrings({ placeCall: 'Appeler' }, 'fr')`): that locale's table,
 * as `registerLocale` does. Elements already on the page re-render.
 */
export function setStrings(overrides: Partial<VcStrings> | LocaleStrings, locale?: string): void {
  if (locale && locale.toLowerCase() !== 'en') void registerLocale(locale, overrides);
  else {
    Object.assign(english, overrides);
    void registerLocale('en', {}); // re-renders what is on the page
  }
}

/** The words for refused input (a `PhoneInputError`): translated by its code, else its own message. */
export function inputErrorText(error: unknown): string {
  const { code, message } = error as { code?: InputErrorCode; message?: string };
  return (code ? strings.inputErrors[code] : undefined) ?? message ?? String(error);
}

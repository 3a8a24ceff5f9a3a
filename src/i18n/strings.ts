import type { InputErrorCode } from '../phone/errors.js';
import type { CallEndReason } from '../phone/types.js';
import { callBoxDefaults } from './call-box-defaults.js';
import { audioSettingsDefaults } from './audio-settings-defaults.js';

/** Words of the first paint (place-call field, status pill): every page downloads these. */
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
  // Phone status
  phoneStatus: 'Phone status',
  statusReady: 'Ready',
  statusConnecting: 'Connecting',
  statusOffline: 'Offline',
  statusRetryIn: 'retry in {seconds} s',
  retry: 'Retry',
  // <vc-phone>: opens the audio settings
  audioSettings: 'Audio settings',
};

/**
 * Every word the elements show or announce, in one table (English). Translate by calling
 * `setStrings({...})` before the elements render; `{name}` placeholders are filled by `format()`.
 */
export const defaultStrings = { ...firstPaintStrings, ...callBoxDefaults, ...audioSettingsDefaults };

/**
 * How a call ended, by reason code, for a translation: the phone's own (English) words are used
 * for a reason not listed here. E.g. `setStrings({ outcomes: { busy: 'Besetzt.' } })`.
 */
export type OutcomeStrings = Partial<Record<CallEndReason, string>>;

/**
 * Why typed input was refused, by `PhoneInputError` code, for a translation: the phone's own
 * (English) words are used for a code not listed here. E.g.
 * `setStrings({ inputErrors: { 'too-short': 'Die Nummer ist zu kurz.' } })`.
 */
export type InputErrorStrings = Partial<Record<InputErrorCode, string>>;

export type VcStrings = typeof defaultStrings & { outcomes: OutcomeStrings; inputErrors: InputErrorStrings };

/**
 * The table in use. Read at render time, so elements rendered after `setStrings` use the new
 * words. The call boxes' words join it when their code loads (`call-box-strings.ts`).
 */
export const strings = { ...firstPaintStrings, outcomes: {}, inputErrors: {} } as VcStrings;

/** Overrides some strings (e.g. a translation); missing keys keep their English text. */
export function setStrings(overrides: Partial<VcStrings>): void {
  Object.assign(strings, overrides);
}

/** Fills `{name}` placeholders: `format(strings.callWith, { party: '+44 20 ...' })`. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The words for refused input (a `PhoneInputError`): translated by its code, else its own message. */
export function inputErrorText(error: unknown): string {
  const { code, message } = error as { code?: InputErrorCode; message?: string };
  return (code ? strings.inputErrors[code] : undefined) ?? message ?? String(error);
}

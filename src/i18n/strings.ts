import type { InputErrorCode } from '../phone/errors.js';
import type { CallEndReason } from '../phone/types.js';

/**
 * Every word the elements show or announce, in one table (English). Translate by calling
 * `setStrings({...})` before the elements render; `{name}` placeholders are filled by `format()`.
 */
export const defaultStrings = {
  // Place call
  placeCall: 'Place call',
  call: 'Call',
  phoneNumber: 'Phone number',
  phoneNumberPlaceholder: '+44 20 7946 0958',
  phoneNumberHint: 'International format (+ and country code), or a sip: address.',
  noPhone: 'No phone is configured on this page.',
  phoneOff: 'Outbound calling is switched off.',
  // Call box
  callWith: 'Call with {party}',
  stateDialing: 'Dialing',
  stateRinging: 'Ringing',
  stateEarlyMedia: 'Ringing (early media)',
  stateConnected: 'Connected',
  stateHangingUp: 'Hanging up…',
  stateEndedWith: 'Ended: {reason}',
  startedAt: 'Started {time}',
  duration: 'Duration {time}',
  announceEnded: 'Call ended: {reason}',
  endedByYou: 'You hung up.',
  endedByFarEnd: 'The other party hung up.',
  close: 'Close',
  remove: 'Remove',
  confirmTitle: 'Hang up this call?',
  confirmText: 'Closing this box hangs up the call with {party}.',
  hangUp: 'Hang up',
  cancel: 'Cancel',
  dontShowAgain: "Don't show this again",
  microphoneProblem: 'Microphone problem',
  // Mute
  mute: 'Mute',
  // Dialpad
  dialpad: 'Dialpad',
  // Colour tag
  colorTag: 'Colour tag',
  colorNone: 'No colour',
  colorBlue: 'Blue',
  colorGreen: 'Green',
  colorAmber: 'Amber',
  colorRed: 'Red',
  colorPurple: 'Purple',
};

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

/** The table in use. Read at render time, so elements rendered after `setStrings` use the new words. */
export const strings: VcStrings = { ...defaultStrings, outcomes: {}, inputErrors: {} };

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

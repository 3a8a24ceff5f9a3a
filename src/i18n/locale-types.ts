import type { InputErrorCode } from '../phone/errors.js';
import type { CallEndCause, CallEndReason } from '../phone/types.js';
import type { defaultStrings } from './strings.js';

/** The words of the English table, by key (every key of `defaultStrings`). */
export type WordKey = keyof typeof defaultStrings;

/**
 * The outcomes that a `cause` tells apart within their reason, as `reason:cause` keys of
 * `OutcomeStrings` (only the pairs the phone reports).
 */
export type DetailedOutcomeKey = Extract<`${CallEndReason}:${CallEndCause}`, 'media-failed:answer-unusable' | 'media-not-acceptable:audio-removed' | 'no-answer:server-timeout' | 'reload:tab-closed'>;

/**
 * How a call ended, by reason code, for a translation: the phone's own (English) words are used
 * for a reason not listed here. E.g. `setStrings({ outcomes: { busy: 'Besetzt.' } })`. An outcome
 * with a `cause` takes the words of its `reason:cause` key first, then its reason's:
 * `setStrings({ outcomes: { 'media-not-acceptable:audio-removed': 'Ton entfernt.' } }, 'de')`.
 */
export type OutcomeStrings = Partial<Record<CallEndReason | DetailedOutcomeKey, string>>;

/**
 * Why typed input was refused, by `PhoneInputError` code, for a translation: the phone's own
 * (English) words are used for a code not listed here. E.g.
 * `setStrings({ inputErrors: { 'too-short': 'Die Nummer ist zu kurz.' } })`.
 */
export type InputErrorStrings = Partial<Record<InputErrorCode, string>>;

/**
 * A locale's table (`registerLocale('nl', table)`): any key left out shows its English words.
 * `{name}` placeholders stay as they are.
 */
export type LocaleStrings = Partial<Record<WordKey, string>> & { outcomes?: OutcomeStrings; inputErrors?: InputErrorStrings };

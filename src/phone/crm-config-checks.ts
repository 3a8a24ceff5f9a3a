/**
 * Type and range checks of the CRM settings (caller IDs, policy hook, history, wrap-up, log,
 * default country), so `configure()` refuses them at once with words and keeps what it had.
 * @internal
 */
import { inputError } from './errors.js';
import { describeValue, isPlainObject } from './input-shapes.js';
import { LOG_LEVELS } from './logger.js';

/** What was given where a number was expected, in words: an attribute's text is quoted (a setting, never a credential). */
function givenNumber(value: unknown): string {
  if (typeof value === 'string') return value.trim() ? `the text ${JSON.stringify(value.trim().slice(0, 24))}` : 'empty text';
  if (typeof value === 'number' && Number.isNaN(value)) return 'something that is not a number';
  return describeValue(value);
}

/** A caller ID as text: a number (digits, with the usual separators) or a sip:, sips: or tel: address. */
const CALLER_ID = /^(?:(?:sips?|tel):[^\s]+|\+?[\d\s().\-/]*\d[\d\s().\-/]*)$/i;

function wholeNumber(value: unknown, field: string, min: number, max: number): void {
  if (value === undefined) return;
  if (!(typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max)) {
    throw inputError('invalid-config', field, `${field} must be a whole number from ${min} to ${max} (not ${givenNumber(value)}).`);
  }
}

function fn(value: unknown, field: string): void {
  if (value !== undefined && typeof value !== 'function') throw inputError('wrong-type', field, `${field} must be a function, not ${describeValue(value)}.`);
}

function bool(value: unknown, field: string): void {
  if (value !== undefined && typeof value !== 'boolean') throw inputError('wrong-type', field, `${field} must be true or false, not ${describeValue(value)}.`);
}

export function checkCrmConfig(config: Record<string, unknown>): void {
  const { fromNumbers, dispositions, defaultCountry, logLevel } = config;
  if (fromNumbers !== undefined) {
    if (!Array.isArray(fromNumbers)) throw inputError('wrong-type', 'fromNumbers', `fromNumbers must be a list of numbers or SIP addresses, not ${describeValue(fromNumbers)}.`);
    for (const entry of fromNumbers) {
      const fine = typeof entry === 'string' || (isPlainObject(entry) && typeof entry.uri === 'string' && (entry.displayName === undefined || typeof entry.displayName === 'string'));
      if (!fine) throw inputError('wrong-type', 'fromNumbers', `Each caller ID must be text or { displayName, uri }, not ${describeValue(entry)}.`);
    }
    for (const entry of fromNumbers as Array<string | { uri: string }>) {
      const text = (typeof entry === 'string' ? entry : entry.uri).trim();
      if (!CALLER_ID.test(text)) {
        throw inputError('invalid-config', 'fromNumbers', `Caller ID ${JSON.stringify(text.slice(0, 40))} is not a phone number or a sip:/tel: address, so fromNumbers was not applied.`);
      }
    }
    if (fromNumbers.length > 50) throw inputError('invalid-config', 'fromNumbers', 'fromNumbers can hold at most 50 caller IDs.');
  }
  if (dispositions !== undefined) {
    if (!Array.isArray(dispositions) || !dispositions.every((entry) => typeof entry === 'string' && entry.trim() !== '' && entry.length <= 100)) {
      throw inputError('wrong-type', 'dispositions', `dispositions must be a list of short texts such as ["Interested", "Call back"], not ${describeValue(dispositions)}.`);
    }
  }
  if (defaultCountry !== undefined && !(typeof defaultCountry === 'string' && /^[A-Z]{2}$/.test(defaultCountry))) {
    throw inputError('invalid-config', 'defaultCountry', `defaultCountry must be a two-letter country code such as GB or US (not ${describeValue(defaultCountry)}).`);
  }
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel as never)) {
    throw inputError('invalid-config', 'logLevel', `logLevel must be one of ${LOG_LEVELS.join(', ')} (not ${describeValue(logLevel)}).`);
  }
  fn(config.beforeDial, 'beforeDial');
  fn(config.logger, 'logger');
  bool(config.allowAnonymous, 'allowAnonymous');
  bool(config.wrapUp, 'wrapUp');
  wholeNumber(config.beforeDialTimeoutMs, 'beforeDialTimeoutMs', 1, 120_000);
  wholeNumber(config.maxHistory, 'maxHistory', 0, 10_000);
  wholeNumber(config.wrapUpSeconds, 'wrapUpSeconds', 1, 3600);
}

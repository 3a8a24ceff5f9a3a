/**
 * Parsing and validation of what the agent dials: an international number (any common
 * formatting), a `tel:` URI or a `sip:`/`sips:` URI. Everything is refused here, with words a
 * person understands, before any SIP message can be built from it.
 */
import { AsYouType, parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/core';
import { numberMetadata } from './number-metadata.js';
import { PhoneInputError, inputError } from './errors.js';
import { checkUriParams, parseSipUri, refuseUnsafeText } from './sip-uri.js';
import type { CallTarget } from './types.js';

export { MAX_TARGET_LENGTH, parseSipUri, refuseUnsafeText } from './sip-uri.js';

const NUMBER_CHARACTERS = /^\+?[0-9\s\-.()/\u00a0]*$/;
const LETTERS = /\p{L}/u;
/** Digits of other scripts (Arabic-Indic, full-width...): they look like digits but are not 0-9. */
const OTHER_DIGITS = /(?![0-9])\p{Nd}/u;
/** Zero-width and other format characters, often pasted along with a number. */
const FORMAT_CHARACTERS = /\p{Cf}/u;

function countryName(country: string | undefined): string | undefined {
  if (!country) return undefined;
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(country);
  } catch {
    return country;
  }
}

/**
 * Parses an international number typed in any common formatting (`+44 20 7946 0958`,
 * `+1 (415) 555-0132`) into E.164, or throws a {@link PhoneInputError} saying why not.
 */
export function parseInternationalNumber(input: string, field = 'to'): {
  e164: string;
  country?: string;
  display: string;
} {
  const text = input.trim();
  if (!text) {
    throw inputError('empty', field, 'Enter a number in international format, starting with + and the country code.');
  }
  refuseUnsafeText(text, field, 'number');
  if (OTHER_DIGITS.test(text)) {
    throw inputError('invalid-characters', field, 'Type the number with the digits 0-9: it has digits of another script (such as ٤ or ４).');
  }
  if (FORMAT_CHARACTERS.test(text)) {
    throw inputError('invalid-characters', field, 'The number contains invisible characters (such as a zero-width space). Type it again.');
  }
  if (LETTERS.test(text)) {
    throw inputError('letters', field, "Phone numbers can't contain letters. Type digits only, starting with + and the country code.");
  }
  if (!NUMBER_CHARACTERS.test(text)) {
    throw inputError('invalid-characters', field, 'Use only digits, spaces and - . ( ) / in a phone number, after a leading +.');
  }
  const digitsAndPlus = text.replace(/[^0-9+]/g, '');
  if (!digitsAndPlus.startsWith('+')) {
    if (digitsAndPlus.startsWith('00')) {
      throw inputError('national-format', field, 'Write the number with + instead of 00, for example +44 20 7946 0958.');
    }
    throw inputError(
      'national-format',
      field,
      'Include the country code: start with + (for example +44 20 7946 0958 or +1 415 555 0132).',
    );
  }
  const metadata = numberMetadata(digitsAndPlus);
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(digitsAndPlus, metadata);
  } catch (error) {
    const reason = (error as Error).message;
    const countryCode = /^\+(\d{1,3})/.exec(digitsAndPlus)?.[1] ?? '';
    switch (reason) {
      case 'INVALID_COUNTRY':
        throw inputError('unknown-country', field, `+${countryCode} is not a country calling code. Check the digits after the +.`);
      case 'TOO_SHORT':
        throw inputError('too-short', field, 'This number is too short. Include the country code and the full number.');
      case 'TOO_LONG':
        throw inputError('too-long-number', field, 'This number is too long. Check for extra digits.');
      default:
        throw inputError('invalid-number', field, 'This is not a phone number. Type + then the country code and the number.');
    }
  }
  const country = parsed.country;
  const name = countryName(country);
  if (!parsed.isPossible()) {
    const length = validatePhoneNumberLength(digitsAndPlus, metadata);
    if (length === 'TOO_SHORT') {
      throw inputError('too-short', field, `This number is too short${name ? ` for ${name}` : ''}.`);
    }
    if (length === 'TOO_LONG') {
      throw inputError('too-long-number', field, `This number is too long${name ? ` for ${name}` : ''}.`);
    }
  }
  if (!parsed.isValid()) {
    throw inputError(
      'invalid-number',
      field,
      name ? `This is not a valid number in ${name}. Check the digits.` : `This is not a valid number for country code +${parsed.countryCallingCode}. Check the digits.`,
    );
  }
  return { e164: parsed.number, country, display: parsed.formatInternational() };
}

/**
 * Parses a `tel:` URI with a global number (`tel:+44-20-7946-0958`). Its parameters (RFC 3966)
 * are never dropped silently: `phone-context` does not change a global number, so it is allowed;
 * an extension (`;ext=`), a sub-address (`;isub=`) or any other parameter can't be carried to the
 * far end reliably (servers do not honour `ext` in a SIP URI), so the address is refused in words.
 */
function parseTelUri(input: string, field: string) {
  const body = input.slice(4);
  const [number, ...params] = body.split(';');
  checkUriParams(params, field, 'invalid-tel-uri', 'tel: address');
  if (!number.startsWith('+')) {
    throw inputError('invalid-tel-uri', field, 'A tel: address must hold an international number starting with +.');
  }
  if (/\s/.test(number)) throw inputError('invalid-tel-uri', field, "A tel: address can't contain spaces.");
  for (const param of params) {
    const name = param.split('=')[0].toLowerCase();
    if (name === 'phone-context') continue;
    if (name === 'ext') {
      throw inputError('tel-extension', field, "Extensions can't be dialled: call the number without the extension, then use the keypad to reach it.");
    }
    throw inputError('tel-parameter', field, `This tel: address has a part that can't be dialled (;${name.slice(0, 32)}): call the number alone.`);
  }
  return parseInternationalNumber(number, field);
}

/** Default Request-URI for a dialled number: the E.164 number at the given domain. */
export function numberAtDomain(e164: string, domain: string): string {
  return `sip:${e164}@${domain}`;
}

/**
 * Parses anything the agent may dial. Throws a {@link PhoneInputError} for anything that must
 * not be dialled; `numberToUri` maps a valid E.164 number to the Request-URI.
 */
export function parseTarget(input: string, numberToUri: (e164: string) => string, field = 'to'): CallTarget {
  const text = input.trim();
  refuseUnsafeText(text, field, 'number');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'sip' || scheme === 'sips') {
    const uri = parseSipUri(text, field);
    return { kind: 'sip', uri, display: uri.replace(/^sips?:/, '') };
  }
  if (scheme === 'tel') {
    const number = parseTelUri(text, field);
    return { kind: 'number', ...number, uri: checkedNumberUri(numberToUri, number.e164) };
  }
  if (scheme && !/^\+?\d/.test(text)) {
    throw inputError('unsupported-scheme', field, `"${scheme}:" addresses can't be called. Use a phone number, or a sip:, sips: or tel: address.`);
  }
  const number = parseInternationalNumber(text, field);
  return { kind: 'number', ...number, uri: checkedNumberUri(numberToUri, number.e164) };
}

/** The page's own numberToUri may throw or return anything: its result is checked like typed input. */
function checkedNumberUri(numberToUri: (e164: string) => string, e164: string): string {
  let uri: unknown;
  try {
    uri = numberToUri(e164);
  } catch (error) {
    if (error instanceof PhoneInputError) throw error;
    throw inputError('invalid-config', 'numberToUri', `numberToUri failed for ${e164}: ${(error as Error)?.message ?? String(error)}`);
  }
  if (typeof uri !== 'string') {
    throw inputError('invalid-config', 'numberToUri', `numberToUri must return a SIP URI as text, and returned ${uri === null ? 'null' : typeof uri}.`);
  }
  try {
    return parseSipUri(uri, 'numberToUri', 'Request-URI');
  } catch (error) {
    throw inputError('invalid-config', 'numberToUri', `numberToUri returned an invalid SIP URI: ${(error as Error).message}`);
  }
}

/** Formats an international number as the agent types it; other input is returned as typed. */
export function formatAsTyped(input: string): string {
  const text = input.trimStart();
  if (!text.startsWith('+') || !NUMBER_CHARACTERS.test(text)) return input;
  return new AsYouType(undefined, numberMetadata(text.replace(/[^0-9+]/g, ''))).input(text);
}

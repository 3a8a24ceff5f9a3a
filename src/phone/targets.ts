/**
 * Parsing and validation of what the agent dials: an international number (any common
 * formatting), a `tel:` URI or a `sip:`/`sips:` URI. Everything is refused here, with words a
 * person understands, before any SIP message can be built from it.
 */
import { AsYouType, parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/min';
import { inputError } from './errors.js';
import type { CallTarget } from './types.js';

/** Longest input considered at all: far beyond any real number or SIP address. */
export const MAX_TARGET_LENGTH = 256;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const NUMBER_CHARACTERS = /^\+?[0-9\s\-.()/\u00a0]*$/;
const LETTERS = /\p{L}/u;
const SIP_USER = /^(?:[A-Za-z0-9\-_.!~*()&=+$,;/]|%[0-9A-Fa-f]{2})+$/;
const HOSTNAME = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const IPV6_REFERENCE = /^\[[0-9A-Fa-f:.]{2,45}\]$/;
const URI_PARAM = /^[A-Za-z0-9\-_.!~*%+]+(?:=[A-Za-z0-9\-_.!~*%+:[\]/]+)?$/;

function countryName(country: string | undefined): string | undefined {
  if (!country) return undefined;
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(country);
  } catch {
    return country;
  }
}

/** Checks shared by every kind of target and by every text that ends up in a SIP message. */
export function refuseUnsafeText(value: string, field: string, what: string): void {
  if (value.length > MAX_TARGET_LENGTH) {
    throw inputError('too-long', field, `The ${what} is too long (at most ${MAX_TARGET_LENGTH} characters).`);
  }
  if (CONTROL_CHARACTERS.test(value)) {
    throw inputError(
      'control-characters',
      field,
      `The ${what} contains invisible control characters (such as a line break). Type or paste it again.`,
    );
  }
}

/**
 * Validates a `sip:`/`sips:` URI and returns it normalised (lower-case scheme).
 * Refuses spaces, `<>`, quotes, passwords in the URI and `?headers` (a way to inject headers).
 */
export function parseSipUri(input: string, field = 'to', what = 'SIP address'): string {
  refuseUnsafeText(input, field, what);
  const match = /^(sips?):(.*)$/i.exec(input);
  if (!match) throw inputError('invalid-sip-uri', field, `The ${what} must start with sip: or sips:.`);
  const scheme = match[1].toLowerCase();
  const rest = match[2];
  const bad = /[\s<>"'`\\{}|^]/.exec(rest);
  if (bad) {
    const shown = /\s/.test(bad[0]) ? 'spaces' : `the character ${bad[0]}`;
    throw inputError('invalid-sip-uri', field, `The ${what} can't contain ${shown}.`);
  }
  if (rest.includes('?')) {
    throw inputError('invalid-sip-uri', field, `The ${what} can't carry ?headers.`);
  }
  const at = rest.lastIndexOf('@');
  const user = at >= 0 ? rest.slice(0, at) : '';
  const hostPart = at >= 0 ? rest.slice(at + 1) : rest;
  if (at >= 0) {
    if (user.includes(':')) {
      throw inputError('invalid-sip-uri', field, `The ${what} can't contain a password.`);
    }
    if (!SIP_USER.test(user)) {
      throw inputError('invalid-sip-uri', field, `The user part of the ${what} ("${user}") has characters SIP does not allow.`);
    }
  }
  const [hostPort, ...params] = hostPart.split(';');
  const portMatch = /^(.*?)(?::(\d{1,5}))?$/.exec(hostPort);
  const host = portMatch?.[1] ?? '';
  const port = portMatch?.[2];
  if (!host || !(HOSTNAME.test(host) || IPV4.test(host) || IPV6_REFERENCE.test(host))) {
    throw inputError('invalid-sip-uri', field, `The ${what} needs a valid host after the @, for example sip:alice@example.com.`);
  }
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    throw inputError('invalid-sip-uri', field, `The port in the ${what} must be between 1 and 65535.`);
  }
  for (const param of params) {
    if (!URI_PARAM.test(param)) {
      throw inputError('invalid-sip-uri', field, `The ${what} has a malformed parameter ";${param}".`);
    }
  }
  return `${scheme}:${rest}`;
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
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(digitsAndPlus);
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
    const length = validatePhoneNumberLength(digitsAndPlus);
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

/** Parses a `tel:` URI with a global number (`tel:+44-20-7946-0958`). */
function parseTelUri(input: string, field: string) {
  const body = input.slice(4);
  const [number, ...params] = body.split(';');
  for (const param of params) {
    if (!URI_PARAM.test(param)) {
      throw inputError('invalid-tel-uri', field, `The tel: address has a malformed parameter ";${param}".`);
    }
  }
  if (!number.startsWith('+')) {
    throw inputError('invalid-tel-uri', field, 'A tel: address must hold an international number starting with +.');
  }
  if (/\s/.test(number)) throw inputError('invalid-tel-uri', field, "A tel: address can't contain spaces.");
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

function checkedNumberUri(numberToUri: (e164: string) => string, e164: string): string {
  const uri = numberToUri(e164);
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
  return new AsYouType().input(text);
}

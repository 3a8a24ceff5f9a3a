/**
 * Checks of SIP URIs and of any text that ends up in a SIP message, with no phone-number
 * metadata (so the Phone's own checks can use them without loading libphonenumber-js).
 * A URI is judged as sip.js will write it: sip.js decodes the %-escapes of a user part and
 * re-encodes them, except `:` `?` `/` `+`, so an escaped `%3A` would leave as a real `:`.
 */
import { inputError } from './errors.js';

/** Longest input considered at all: far beyond any real number or SIP address. */
export const MAX_TARGET_LENGTH = 256;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Embeddings, overrides and isolates: they make text read differently than it is stored (spoofing). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/** Zero-width spaces and joiners with no use in a name or number (ZWJ/ZWNJ, which scripts need, are allowed). */
const ZERO_WIDTH = /[\u200b\u2060-\u2064\ufeff]/;
/** Control, format (zero-width, bidi) and separator characters: never meaningful inside an address. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const SIP_USER = /^(?:[A-Za-z0-9\-_.!~*()&=+$,;/]|%[0-9A-Fa-f]{2})+$/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const IPV6_REFERENCE = /^\[[0-9A-Fa-f:.]{2,45}\]$/;
const URI_PARAM = /^[A-Za-z0-9\-_.!~*%+]+(?:=[A-Za-z0-9\-_.!~*%+:[\]/]+)?$/;

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
  if (BIDI_CONTROLS.test(value)) {
    throw inputError(
      'control-characters',
      field,
      `The ${what} contains invisible characters that change the direction of the text, so it would not read as it is. Type it again.`,
    );
  }
  if (ZERO_WIDTH.test(value)) {
    throw inputError('control-characters', field, `The ${what} contains invisible characters (such as a zero-width space). Type it again.`);
  }
}

/** Decodes the %-escapes of one part of a URI; refuses invalid UTF-8 and hidden control characters. */
function decodedPart(text: string, field: string, part: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    throw inputError('invalid-sip-uri', field, `The ${part} has a %-escape that is not valid text (such as %FF).`);
  }
  if (INVISIBLE.test(decoded)) {
    throw inputError('invalid-sip-uri', field, `The ${part} hides a control or invisible character in a %-escape (such as %00 or %0D%0A).`);
  }
  return decoded;
}

function checkUserPart(user: string, field: string, what: string): void {
  if (user.includes(':')) {
    throw inputError('invalid-sip-uri', field, `The ${what} can't contain a password.`);
  }
  if (!SIP_USER.test(user)) {
    throw inputError('invalid-sip-uri', field, `The user part of the ${what} ("${user.slice(0, 64)}") has characters SIP does not allow.`);
  }
  const decoded = decodedPart(user, field, `user part of the ${what}`);
  const hidden = /[:?@]/.exec(decoded);
  if (hidden) {
    throw inputError(
      'invalid-sip-uri',
      field,
      `The user part of the ${what} can't contain "${hidden[0]}", not even written as a %-escape: it would be sent as a real "${hidden[0]}".`,
    );
  }
}

function isHostname(host: string): boolean {
  const labels = host.replace(/\.$/, '').split('.');
  // RFC 3261's toplabel starts with a letter: `1.2.3` or `999.999.999.999` is a broken address, not a name.
  return host.length <= 253 && labels.every((label) => HOST_LABEL.test(label)) && /^[A-Za-z]/.test(labels[labels.length - 1]);
}

function isIpv6Reference(host: string): boolean {
  if (!IPV6_REFERENCE.test(host)) return false;
  try {
    // The URL parser knows every valid IPv6 form and refuses `[:::::::::]`.
    new URL(`http://${host}/`);
    return true;
  } catch {
    return false;
  }
}

/** Checks `host[:port]`: a name, an IPv4 address or a bracketed IPv6 address. */
export function checkHostPort(hostPort: string, field: string, what: string, code: 'invalid-sip-uri' | 'invalid-config' = 'invalid-sip-uri'): void {
  const portMatch = /^(.*?)(?::(\d{1,5}))?$/.exec(hostPort);
  const host = portMatch?.[1] ?? '';
  const port = portMatch?.[2];
  if (!host || !(IPV4.test(host) || isIpv6Reference(host) || (!/^[\d.]+$/.test(host) && isHostname(host)))) {
    throw inputError(code, field, `The ${what} needs a valid host, for example example.com, 192.0.2.10 or [2001:db8::1].`);
  }
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    throw inputError(code, field, `The port in the ${what} must be between 1 and 65535.`);
  }
}

/**
 * Validates a `sip:`/`sips:` URI and returns it normalised (lower-case scheme).
 * Refuses spaces, `<>`, quotes, passwords in the URI and `?headers` (a way to inject headers),
 * and escapes that decode to any of them.
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
  if (INVISIBLE.test(rest) || /[^\x20-\x7e]/.test(rest)) {
    throw inputError('invalid-sip-uri', field, `The ${what} can only hold plain letters, digits and symbols: it has a look-alike or invisible character.`);
  }
  if (rest.includes('?')) {
    throw inputError('invalid-sip-uri', field, `The ${what} can't carry ?headers.`);
  }
  const at = rest.lastIndexOf('@');
  const hostPart = at >= 0 ? rest.slice(at + 1) : rest;
  if (at >= 0) checkUserPart(rest.slice(0, at), field, what);
  const [hostPort, ...params] = hostPart.split(';');
  checkHostPort(hostPort, field, what);
  for (const param of params) {
    if (!URI_PARAM.test(param)) {
      throw inputError('invalid-sip-uri', field, `The ${what} has a malformed parameter ";${param.slice(0, 64)}".`);
    }
    decodedPart(param, field, `parameter ";${param.slice(0, 64)}" of the ${what}`);
  }
  return `${scheme}:${rest}`;
}

/** Checks a `;param` list of a tel: URI the same way. */
export function checkUriParams(params: string[], field: string, code: 'invalid-tel-uri', what: string): void {
  for (const param of params) {
    if (!URI_PARAM.test(param)) throw inputError(code, field, `The ${what} has a malformed parameter ";${param.slice(0, 64)}".`);
    try {
      decodedPart(param, field, `parameter ";${param.slice(0, 64)}" of the ${what}`);
    } catch (error) {
      throw inputError(code, field, (error as Error).message);
    }
  }
}

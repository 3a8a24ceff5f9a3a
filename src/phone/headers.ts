/**
 * Validation and encoding of everything a call adds to its INVITE: `context` pairs, extra
 * headers, the pre-loaded route set and the calling identity. Names are checked against the SIP
 * token grammar and values are encoded, so no input can end a header line or start a new one.
 */
import { inputError } from './errors.js';
import { parseSipUri, refuseUnsafeText } from './sip-uri.js';
import type { CallerIdentity, CallOptions } from './types.js';

/** Prefix of the headers that carry `context` pairs. */
export const CONTEXT_HEADER_PREFIX = 'X-VC-';
const MAX_NAME_LENGTH = 64;
const MAX_VALUE_LENGTH = 1024;
const MAX_HEADERS = 32;
const HEADER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
/** Headers other than `X-` ones that a page may add; the rest belong to the SIP stack. */
const ALLOWED_PLAIN_HEADERS = new Set(['subject', 'priority', 'organization', 'call-info', 'alert-info', 'user-to-user']);

/**
 * Most bytes all added header lines of one INVITE may take on the wire (each line with its CRLF).
 * Per-value limits alone let 32 values of 1024 characters, or non-ASCII text that grows ninefold
 * when encoded, make an INVITE of tens of kB: proxies drop the WebSocket of such a message, and
 * every live call on it. 4 KiB keeps the whole INVITE (with a WebRTC SDP of 2-4 kB) near 8 kB.
 */
export const MAX_ADDED_HEADER_BYTES = 4096;

/** A header as it will be written on the wire: `Name: value`. */
export type HeaderLine = `${string}: ${string}`;

function checkName(name: string, field: string): void {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || !HEADER_NAME.test(name)) {
    throw inputError(
      'invalid-header-name',
      field,
      `"${printable(name)}" can't be a header name: use letters, digits and dashes only (at most ${MAX_NAME_LENGTH}).`,
    );
  }
}

/** Shows a refused value safely in an error message (control characters made visible, cut short). */
function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  const shown = value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}

/**
 * Encodes a header value: printable ASCII passes as is (except `%`), anything else is
 * percent-encoded as UTF-8. Control characters are refused outright rather than encoded,
 * because they only ever appear in a value by mistake or by attack.
 */
export function encodeHeaderValue(value: string, field: string, name: string): string {
  if (value.length > MAX_VALUE_LENGTH) {
    throw inputError('invalid-header-value', field, `The value of ${name} is too long (at most ${MAX_VALUE_LENGTH} characters).`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(value)) {
    throw inputError(
      'invalid-header-value',
      field,
      `The value of ${name} contains control characters (such as a line break), which SIP headers can't carry.`,
    );
  }
  try {
    return value.replace(/[^\x20-\x24\x26-\x7e]/gu, (c) => encodeURIComponent(c)).trim();
  } catch {
    // encodeURIComponent throws on a lone surrogate: broken text, not something to send.
    throw inputError('invalid-header-value', field, `The value of ${name} is not valid text.`);
  }
}

/** The option a header line came from, to name it when the total is too large. */
function sourceOf(line: string): string {
  if (line.startsWith('Route:')) return 'route';
  if (line.startsWith(CONTEXT_HEADER_PREFIX)) return 'context';
  if (line.startsWith('P-Asserted-Identity:')) return 'from';
  return 'headers';
}

/** Refuses added header lines larger, all together and as encoded, than {@link MAX_ADDED_HEADER_BYTES}. */
export function checkAddedHeadersSize(lines: readonly string[]): void {
  const encoder = new TextEncoder();
  const bytesBySource = new Map<string, number>();
  let total = 0;
  for (const line of lines) {
    const bytes = encoder.encode(line).length + 2;
    total += bytes;
    bytesBySource.set(sourceOf(line), (bytesBySource.get(sourceOf(line)) ?? 0) + bytes);
  }
  if (total <= MAX_ADDED_HEADER_BYTES) return;
  const [largest] = [...bytesBySource].sort((a, b) => b[1] - a[1])[0];
  throw inputError(
    'headers-too-large',
    largest,
    `The headers added to this call would take ${total} bytes once encoded; at most ${MAX_ADDED_HEADER_BYTES} bytes can be sent. Send less ${largest} data (non-ASCII text takes up to 9 bytes a character).`,
  );
}

/** `context` pairs -> `X-VC-<Name>: <value>` lines. */
export function contextHeaders(context: CallOptions['context']): HeaderLine[] {
  if (!context) return [];
  const entries = Object.entries(context);
  if (entries.length > MAX_HEADERS) {
    throw inputError('invalid-header-name', 'context', `At most ${MAX_HEADERS} context values can be sent with a call.`);
  }
  return entries.map(([name, value]) => {
    checkName(name, 'context');
    const headerName = `${CONTEXT_HEADER_PREFIX}${name}`;
    const line: HeaderLine = `${headerName}: ${encodeHeaderValue(String(value), 'context', headerName)}`;
    return line;
  });
}

/** Extra headers: `X-` names, or the few end-to-end headers in the allow-list. */
export function extraHeaders(headers: CallOptions['headers']): HeaderLine[] {
  if (!headers) return [];
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADERS) {
    throw inputError('invalid-header-name', 'headers', `At most ${MAX_HEADERS} extra headers can be sent with a call.`);
  }
  return entries.map(([name, value]) => {
    checkName(name, 'headers');
    if (!/^x-/i.test(name) && !ALLOWED_PLAIN_HEADERS.has(name.toLowerCase())) {
      throw inputError(
        'forbidden-header',
        'headers',
        `${name} is set by the SIP stack and can't be overridden. Use an X- header for your own data.`,
      );
    }
    const line: HeaderLine = `${name}: ${encodeHeaderValue(String(value), 'headers', name)}`;
    return line;
  });
}

/** The route option (array, or a comma-separated string as in REST gateways) -> `Route` lines. */
export function routeHeaders(route: CallOptions['route']): HeaderLine[] {
  if (route === undefined) return [];
  const uris = (Array.isArray(route) ? route : route.split(','))
    .map((entry) => entry.trim().replace(/^<(.*)>$/, '$1'))
    .filter((entry) => entry.length > 0);
  if (uris.length > 8) throw inputError('invalid-route', 'route', 'At most 8 Route entries can be pre-loaded.');
  return uris.map((uri) => {
    try {
      return `Route: <${parseSipUri(uri, 'route', 'Route address')}>` as HeaderLine;
    } catch (error) {
      throw inputError('invalid-route', 'route', (error as Error).message);
    }
  });
}

/**
 * Escapes a display name for the inside of a SIP quoted-string (`\"` and `\\`). sip.js writes
 * the display name between quotes as it is given, so it must be given escaped.
 */
export function escapeDisplayName(name: string, field: string): string {
  refuseUnsafeText(name, field, 'display name');
  if (name.length > 128) throw inputError('invalid-identity', field, 'The display name is too long (at most 128 characters).');
  return name.replace(/(["\\])/g, '\\$1');
}

/** Quotes a display name as a SIP quoted-string. */
export function quoteDisplayName(name: string, field: string): string {
  return `"${escapeDisplayName(name, field)}"`;
}

/** Normalises the `from` option; a string is a URI (or an international number, made a tel: URI by the caller). */
export function normaliseIdentity(from: CallOptions['from']): CallerIdentity | undefined {
  if (from === undefined) return undefined;
  return typeof from === 'string' ? { uri: from } : from;
}

/** Checks an identity URI: `sip:`/`sips:` or `tel:+...`. */
export function checkIdentityUri(uri: string): string {
  if (/^tel:/i.test(uri)) {
    if (!/^tel:\+[0-9\-.()]{3,32}$/i.test(uri)) {
      throw inputError('invalid-identity', 'from', 'The calling identity tel: address must hold an international number, e.g. tel:+442079460958.');
    }
    return `tel:${uri.slice(4)}`;
  }
  try {
    return parseSipUri(uri, 'from', 'calling identity');
  } catch (error) {
    throw inputError('invalid-identity', 'from', (error as Error).message);
  }
}

/** `P-Asserted-Identity` line for a calling identity. */
export function assertedIdentityHeader(identity: CallerIdentity, uri: string): HeaderLine {
  const name = identity.displayName ? `${quoteDisplayName(identity.displayName, 'from')} ` : '';
  return `P-Asserted-Identity: ${name}<${uri}>` as HeaderLine;
}

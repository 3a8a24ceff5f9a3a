/**
 * JavaScript type checks of everything a page hands the phone: `call(to, options)` and
 * `configure(config)`. A page written in plain JavaScript (or fed by a CRM's JSON) can pass
 * anything; each wrong type is refused with words (`wrong-type`), never a TypeError from deep
 * inside, and never a value turned into text by accident (`X-VC-v: undefined`).
 * Part of the Phone's own code: no phone-number metadata needed.
 * @internal
 */
import { inputError } from './errors.js';
import type { StatusWebhookConfig } from './types.js';

/** How a value looks to a person reading the message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function wrongType(field: string, what: string, expected: string, value: unknown): never {
  throw inputError('wrong-type', field, `The ${what} must be ${expected}, not ${describeValue(value)}.`);
}

/** Text, or absent. */
export function checkOptionalText(value: unknown, field: string, what: string): void {
  if (value !== undefined && typeof value !== 'string') wrongType(field, what, 'text', value);
}

/** A header value: text, a finite number or true/false (what `String()` writes faithfully). */
function checkHeaderValues(values: unknown, field: string, what: string): void {
  if (values === undefined) return;
  if (!isPlainObject(values)) wrongType(field, what, 'an object of name/value pairs, such as { TicketId: "T-1" }', values);
  for (const [name, value] of Object.entries(values)) {
    const fine = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!fine) wrongType(field, `value of ${what} "${name.slice(0, 40)}"`, 'text, a number or true/false', value);
  }
}

export function checkWebhookShape(webhook: unknown, field = 'statusWebhook'): asserts webhook is StatusWebhookConfig | undefined {
  if (webhook === undefined) return;
  if (!isPlainObject(webhook)) wrongType(field, 'status webhook', 'an object such as { url: "https://..." }', webhook);
  if (typeof webhook.url !== 'string') wrongType(field, 'status webhook url', 'text', webhook.url);
  checkOptionalText(webhook.username, field, 'status webhook username');
  checkOptionalText(webhook.password, field, 'status webhook password');
}

/** The per-call options (and the `defaults` of the configuration, which have the same shape). */
export function checkCallOptionsShape(options: unknown, field = 'options'): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) wrongType(field, 'call options', 'an object', options);
  const { from, context, route, headers, statusWebhook, color, label, record } = options;
  if (from !== undefined && typeof from !== 'string') {
    if (!isPlainObject(from)) wrongType('from', 'calling identity (from)', 'text or an object such as { displayName, uri }', from);
    checkOptionalText(from.displayName, 'from', 'display name of the calling identity');
    checkOptionalText(from.uri, 'from', 'address of the calling identity');
  }
  checkHeaderValues(context, 'context', 'context');
  checkHeaderValues(headers, 'headers', 'extra header');
  if (route !== undefined && typeof route !== 'string') {
    if (!Array.isArray(route)) wrongType('route', 'route', 'a SIP URI, a comma-separated list or a list of SIP URIs', route);
    route.forEach((entry: unknown) => typeof entry === 'string' || wrongType('route', 'each route entry', 'text', entry));
  }
  checkWebhookShape(statusWebhook);
  checkOptionalText(color, 'color', 'colour');
  checkOptionalText(label, 'label', 'contact name (label)');
  // eslint-disable-next-line no-control-regex
  if (typeof label === 'string' && /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(label)) {
    throw inputError('invalid-characters', 'label', "The contact name (label) can't contain line breaks, control characters or direction overrides.");
  }
  if (typeof label === 'string' && label.length > MAX_LABEL_LENGTH) {
    throw inputError('too-long', 'label', `The contact name (label) is too long (at most ${MAX_LABEL_LENGTH} characters).`);
  }
  if (record !== undefined) checkRecord(record);
}

const MAX_LABEL_LENGTH = 200;
const MAX_RECORD_BYTES = 4096;

/** A call's record must survive JSON (events, webhook, storage) unchanged, and stay small. */
function checkRecord(record: unknown): void {
  const plainJson = (value: unknown, depth: number): boolean => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
    if (typeof value === 'number') return Number.isFinite(value);
    if (depth > 20) return false;
    if (Array.isArray(value)) return value.every((item) => plainJson(item, depth + 1));
    return isPlainObject(value) && Object.values(value).every((item) => plainJson(item, depth + 1));
  };
  if (!plainJson(record, 0)) {
    throw inputError('wrong-type', 'record', 'The call record must be plain JSON data (objects, lists, text, numbers, true/false, null).');
  }
  if (new TextEncoder().encode(JSON.stringify(record)).length > MAX_RECORD_BYTES) {
    throw inputError('too-long', 'record', `The call record is too large (at most ${MAX_RECORD_BYTES} bytes as JSON).`);
  }
}

/** `phone.call(to, options)`. */
export function checkCallArguments(to: unknown, options: unknown): void {
  if (typeof to !== 'string') wrongType('to', 'number or address to call', 'text such as "+44 20 7946 0958"', to);
  checkCallOptionsShape(options);
}

// The bad-input corpus: what a page, a CRM's JSON or an agent's paste can hand `phone.call()` and
// `phone.configure()`, and what must come of it. Run by bad-input-corpus.test.ts through a real
// Phone over the real sip.js engine: a refused case sends nothing at all, an accepted one sends
// exactly the INVITE described here. Add a row for every new kind of input.
import type { InputErrorCode } from '../../../src/phone/errors.js';

export const NUMBER = '+44 20 7946 0958';
export const NUMBER_URI = 'sip:+442079460958@pbx.example.com';
export const AGENT = '<sip:agent@pbx.example.com>';

export interface Refused {
  code: InputErrorCode;
  field: string;
  /** When it is refused: by `configure()` (which then changes nothing) or by the call. Default: call. */
  by?: 'configure' | 'call';
}

export interface Sent {
  /** The Request-URI (and the To header's URI). Default: the number at the account's domain. */
  uri?: string;
  /** The From header's value before `;tag=`. Default: the agent's address, no display name. */
  from?: string;
  /** Exactly the header lines the options add, in order. Default: none. */
  headers?: string[];
}

export interface CorpusCase {
  name: string;
  /** What is dialled (default NUMBER). */
  to?: unknown;
  options?: unknown;
  /** Settings given to the constructor on top of the account (checked at the call). */
  config?: Record<string, unknown>;
  /** Given to `configure()` after construction. */
  configure?: unknown;
  expect: Refused | Sent;
}

export const refused = (code: InputErrorCode, field: string, by: Refused['by'] = 'call'): Refused => ({ code, field, by });
export const KB10 = 'x'.repeat(10_000);
/** Wrong JavaScript types, for any field that wants text or an object. */
export const WRONG_TYPES: Array<[string, unknown]> = [
  ['null', null],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['true', true],
  ['an object', { value: '+44' }],
  ['a list', ['+44']],
  ['a function', () => '+44'],
  ['a String object', new String('+44 20 7946 0958')],
];


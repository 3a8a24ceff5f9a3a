/**
 * Real gateways put cause codes and punctuation in a response's reason phrase
 * (`480 Temporarily Unavailable [Q.850;cause=18]`, `486 Busy "here"`, or no phrase at all).
 * sip.js's grammar rejects such a status line and drops the whole response, so the call never
 * learns its final answer. The phrase is only a human hint (RFC 3261 §21: the code decides), so
 * before sip.js parses a response, characters its grammar refuses are %-escaped; the status code
 * and everything after the first line are left as they are.
 * @internal
 */
import type { UserAgentOptions } from 'sip.js';

type TransportClass = NonNullable<UserAgentOptions['transportConstructor']>;

const STATUS_LINE = /^SIP\/2\.0 (\d{3})(?: ([^\r\n]*))?$/;
/** What RFC 3261's Reason-Phrase allows besides %HH escapes and non-ASCII: reserved, unreserved, space, tab. */
const PHRASE_CHARACTER = /[A-Za-z0-9\-_.!~*'();/?:@&=+$, \t]|[^\p{ASCII}]/u;

/** The reason phrase with every character the grammar refuses %-escaped (valid escapes kept). */
export function tolerantReasonPhrase(phrase: string): string {
  let result = '';
  for (let i = 0; i < phrase.length; i++) {
    const character = phrase[i];
    if (character === '%' && /^[0-9A-Fa-f]{2}$/.test(phrase.slice(i + 1, i + 3))) result += character;
    else if (PHRASE_CHARACTER.test(character)) result += character;
    else result += `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return result;
}

/** A SIP message as sip.js's parser will take it: a response's status line made grammatical. */
export function tolerantMessage(message: string): string {
  const end = message.indexOf('\r\n');
  if (end < 0 || !message.startsWith('SIP/2.0 ')) return message;
  const match = STATUS_LINE.exec(message.slice(0, end));
  if (!match) return message;
  return `SIP/2.0 ${match[1]} ${tolerantReasonPhrase(match[2] ?? '')}${message.slice(end)}`;
}

/** The given transport class, handing sip.js every response in a form its parser takes. */
export function tolerantTransport(Base: TransportClass): TransportClass {
  return class TolerantTransport extends Base {
    constructor(...args: ConstructorParameters<TransportClass>) {
      super(...args);
      // sip.js assigns `onMessage` after construction: wrap whatever it assigns.
      let handler: ((message: string) => void) | undefined;
      Object.defineProperty(this, 'onMessage', {
        configurable: true,
        get: () => handler && ((message: string) => handler?.(tolerantMessage(message))),
        set: (next: ((message: string) => void) | undefined) => (handler = next),
      });
    }
  };
}

/**
 * Caller ID chosen per call from the allowed list (`fromNumbers`), or withheld (`'anonymous'`)
 * where the configuration allows it. A `from` outside the list is refused with words; with a
 * list and no `from`, the first entry is used.
 * @internal
 */
import { inputError } from './errors.js';
import type { CallerIdentity, CallOptions, PhoneConfig } from './types.js';

/** The `from` value that withholds the caller ID (RFC 3323 anonymous From + `Privacy: id`, RFC 3325). */
export const ANONYMOUS = 'anonymous';

/** Comparable form of an identity: the digits of a number (with +), else the lower-case URI. */
export function identityKey(identity: CallerIdentity | string | undefined): string {
  const uri = (typeof identity === 'string' ? identity : identity?.uri ?? '').trim();
  const number = /^(?:tel:)?(\+[\d\s().\-/]+)$/i.exec(uri)?.[1] ?? /^sips?:(\+\d+)@[^;]*;user=phone$/i.exec(uri)?.[1];
  return number ? number.replace(/[^\d+]/g, '') : uri.toLowerCase();
}

/** What an entry of the list shows the agent. */
export function identityLabel(identity: CallerIdentity | string): string {
  if (typeof identity === 'string') return identity;
  return identity.displayName ? `${identity.displayName} (${identity.uri ?? ''})` : identity.uri ?? '';
}

/** The caller ID for a call: checked against the list (refused with words when outside it). */
export function chooseCallerId(from: CallOptions['from'], config: PhoneConfig): CallOptions['from'] {
  const allowed = config.fromNumbers ?? [];
  if (from === ANONYMOUS) {
    if (!config.allowAnonymous) throw inputError('from-not-allowed', 'from', 'Calls with a withheld (anonymous) number are not allowed on this phone.');
    return ANONYMOUS;
  }
  if (!allowed.length) return from;
  if (from === undefined) return allowed[0];
  const key = identityKey(from);
  const match = allowed.find((entry) => identityKey(entry) === key);
  if (!match) {
    const list = allowed.map((entry) => identityLabel(entry)).join(', ');
    throw inputError('from-not-allowed', 'from', `${identityLabel(from).slice(0, 60)} is not one of this phone's caller IDs (${list.slice(0, 200)}).`);
  }
  // A display name given with the call wins over the list's.
  return typeof from === 'object' && from.displayName ? from : match;
}

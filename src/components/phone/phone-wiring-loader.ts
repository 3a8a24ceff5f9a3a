/**
 * How `<vc-phone>` reaches its phone wiring (phone-wiring.ts: configuration, settings, event
 * forwarding), which is not in the first paint's chunk.
 * @internal
 */
import type { PhoneWiring } from './phone-wiring.js';

/**
 * The phone wiring, once its code has run: it puts itself under this global key (phone-wiring.ts).
 * Not a module both import: the CDN's two entries would then share a chunk of a few bytes, one
 * more file fetched before the first paint.
 */
const WIRING_KEY = Symbol.for('vc-phone:phone-wiring:v2');

/** The phone wiring if its code has run, else `undefined`. */
export const installedWiring = (): PhoneWiring | undefined => (globalThis as unknown as Record<symbol, PhoneWiring | undefined>)[WIRING_KEY];

/** The phone wiring: there already wherever a phone is, else loaded. */
export const loadWiring = (): Promise<PhoneWiring> => {
  const wiring = installedWiring();
  return wiring ? Promise.resolve(wiring) : import('./phone-wiring.js').then((module) => module.wiring);
};

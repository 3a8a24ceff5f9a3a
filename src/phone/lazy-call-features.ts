/**
 * The engine's lazily loaded call features: a transfer's REFER (sip-transfer.ts) and a merge's
 * browser-mixed conference (sip-conference.ts). In the CDN build each is its own chunk, which a
 * plain first call never loads: it is loaded on first use (with a deadline, see lazy-door.ts) and
 * prefetched (with the Phone's merge code, lazy-merges.ts) when the browser is idle after a call
 * connects, so the agent does not wait on it.
 * @internal
 */
import { lazyDoor } from './lazy-door.js';
import { mergeDoor } from './lazy-merges.js';

export const referDoor = lazyDoor('the transfer', () => import('./sip-transfer.js'));
export const conferenceDoor = lazyDoor('the merge', () => import('./sip-conference.js'));

let prefetched = false;

/** A call connected: fetch the transfer and merge code once the browser is idle (once per page). */
export function prefetchCallFeatures(): void {
  if (prefetched) return;
  prefetched = true;
  const prefetch = (): void => {
    referDoor.prefetch();
    conferenceDoor.prefetch();
    mergeDoor.prefetch();
  };
  // Not internal/when-idle.ts: the elements' entry holds that, and the API entry must not import it.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prefetch, { timeout: 5000 });
  else setTimeout(prefetch, 1000);
}

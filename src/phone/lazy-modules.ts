/**
 * The Phone's lazily loaded chunks: the dialing chunk (number checks, request building, the
 * phone-number metadata) and the sip.js engine. A load that fails is not remembered, so the
 * next call tries again instead of failing for the life of the page.
 * @internal
 */
import type { EngineFactory } from './engine.js';

export type Dialing = typeof import('./dialing.js');

let dialing: Promise<Dialing> | undefined;

/**
 * Number checking, formatting and request building, with the parts of the phone-number metadata
 * for the numbers found in `numbersIn` (the text to check, call options, the config).
 */
export function loadDialing(...numbersIn: unknown[]): Promise<Dialing> {
  if (!dialing) {
    const loading = import('./dialing.js');
    dialing = loading;
    loading.catch(() => {
      if (dialing === loading) dialing = undefined;
    });
  }
  if (!numbersIn.length) return dialing;
  return dialing.then(async (module) => {
    await module.loadNumberZonesFor(...numbersIn);
    return module;
  });
}

/** The real engine: sip.js over a WebSocket. */
export const sipEngineFactory: EngineFactory = (host) => import('./sip-engine.js').then(({ createSipEngine }) => createSipEngine(host));

/**
 * Downloads (without running anything) the lazily-loaded parts: sip.js and the phone-number
 * metadata. The elements call it when the page is idle so the first call does not wait for them.
 */
export function prefetchTelephony(): Promise<void> {
  return Promise.all([import('./sip-engine.js'), loadDialing()]).then(
    () => undefined,
    () => undefined,
  );
}

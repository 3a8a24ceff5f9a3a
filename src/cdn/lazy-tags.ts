/**
 * The CDN's elements a first call does not need, each defined from its own chunk on first need
 * (part of the call-box chunk, `call-boxes.ts`):
 * - `<vc-audio-settings>`: when the agent opens "Audio settings" (`<vc-phone>` awaits it, see
 *   `VcPhone.needTag`);
 * - `<vc-wrap-up>`: when the phone has a wrap-up (`dispositions` or `wrapUp`), long before a call ends;
 * - `<vc-call-history>`: when the page has one.
 * A tag the page itself uses (in its HTML, or added to the document later) is defined at once;
 * `<vc-audio-settings>` and `<vc-call-history>` are also prefetched when the browser is idle after
 * a call connects (the agent's first "Audio settings" then finds it there), and `whenDefined()`
 * (src/cdn/elements.ts) loads all of them.
 * @internal
 */
import { whenIdle } from '../internal/when-idle.js';

const LOADERS: Record<string, () => Promise<unknown>> = {
  'vc-audio-settings': () => import('../components/audio-settings/vc-audio-settings.js'),
  'vc-wrap-up': () => import('../components/wrap-up/vc-wrap-up.js'),
  'vc-call-history': () => import('../components/call-history/vc-call-history.js'),
};

/** The tags defined on need. */
export const LAZY_TAGS = Object.keys(LOADERS);

/** How long a need (e.g. a press of "Audio settings") waits for a tag's code. */
export const LAZY_TAG_DEADLINE_MS = 15_000;

const loads = new Map<string, Promise<unknown>>();

/**
 * Defines `tag` from its chunk (once), within `deadlineMs`: rejects when its code fails to load
 * or takes longer, and a failed or late load is forgotten so the next need tries again. A tag
 * that is not lazy resolves at once.
 */
export function defineLazyTag(tag: string, deadlineMs = LAZY_TAG_DEADLINE_MS): Promise<unknown> {
  const loader = LOADERS[tag];
  if (!loader || customElements.get(tag)) return Promise.resolve();
  let attempt = loads.get(tag);
  if (!attempt) {
    attempt = loader();
    loads.set(tag, attempt);
  }
  const current = attempt;
  const forget = () => {
    if (loads.get(tag) === current) loads.delete(tag);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      forget();
      reject(new Error(`<${tag}> did not load in time.`));
    }, deadlineMs);
    current.then(resolve, (error: unknown) => {
      forget();
      reject(error instanceof Error ? error : new Error(`<${tag}> could not be loaded.`));
    }).finally(() => clearTimeout(timer));
  });
}

const quietly = (tag: string) => void defineLazyTag(tag).catch(() => undefined);

/** Defines the lazy tags the document uses (outside shadow roots); returns whether some are still undefined. */
function definePageTags(): boolean {
  for (const tag of LAZY_TAGS) if (!customElements.get(tag) && document.querySelector(tag)) quietly(tag);
  return LAZY_TAGS.some((tag) => !customElements.get(tag));
}

if (typeof document !== 'undefined') {
  if (definePageTags()) {
    const observer = new MutationObserver((records) => {
      if (records.some((record) => record.addedNodes.length > 0) && !definePageTags()) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }
  // Captured at the document: a page handler that stops the event does not stop the prefetch.
  document.addEventListener('vc-call-answered', () => whenIdle(() => ['vc-audio-settings', 'vc-call-history'].forEach(quietly)), { once: true, capture: true });
}

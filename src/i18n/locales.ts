/**
 * Adding locales. The locale runtime (which tables exist, loading them, following the page's
 * `lang`) is a chunk of its own, loaded when the page is idle or at once on a page that is not
 * in English; what is registered before it is there waits for it.
 */
import type { LocaleStrings } from './locale-types.js';
import { localeRuntime } from '../internal/element-locale.js';
import type { Loader } from './locale-registry.js';

/** The tags of the locales vc-phone ships (English first): each loads on first use. */
export const SHIPPED_LOCALES = ['en', 'es', 'fr', 'de', 'it', 'pt-BR', 'ar'] as const;

/**
 * Adds a locale, or more words to one: a table (`registerLocale('nl', { placeCall: 'Bellen' })`)
 * or a loader (`registerLocale('nl', () => import('./nl.js'))`, fetched on first use). Keys left
 * out show the English words; a table given for a locale that exists adds to it. Elements
 * already on the page re-render. The returned promise settles once the words are in use.
 */
export function registerLocale(tag: string, table: LocaleStrings | Loader): Promise<void> {
  return localeRuntime().then((runtime) => runtime.addLocale(tag, table));
}

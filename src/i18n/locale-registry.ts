/**
 * The registry of locales (part of the lazily loaded locale runtime): which tables exist, which
 * are loaded, and which one a language tag uses. English is the base table (strings.ts), always
 * there. The shipped locales load on first use (one small chunk each); `registerLocale`
 * (locales.ts) adds or extends one.
 */
import type { LocaleStrings } from './locale-types.js';

export type Loader = () => Promise<LocaleStrings | { default: LocaleStrings }>;

const loaders = new Map<string, Loader>([
  ['es', () => import('./locales/es.js')],
  ['fr', () => import('./locales/fr.js')],
  ['de', () => import('./locales/de.js')],
  ['it', () => import('./locales/it.js')],
  ['pt-br', () => import('./locales/pt-BR.js')],
  ['ar', () => import('./locales/ar.js')],
]);
/** English, with the number field's example in the region's own numbering where the page names one. */
const US_EXAMPLE = { phoneNumberPlaceholder: '+1 415 555 0132' };
const tables = new Map<string, LocaleStrings>([
  ['en', {}],
  ['en-us', US_EXAMPLE],
  ['en-ca', US_EXAMPLE],
  ['en-au', { phoneNumberPlaceholder: '+61 2 9123 4567' }],
  ['en-in', { phoneNumberPlaceholder: '+91 98765 43210' }],
]);
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** Calls `listener` whenever a table arrives or changes (elements re-render in it). */
export function onLocalesChange(listener: () => void): void {
  listeners.add(listener);
}
const changed = () => listeners.forEach((listener) => listener());

/** Adds a locale, or more words to one (see `registerLocale` in locales.ts). */
export function addLocale(tag: string, table: LocaleStrings | Loader): void {
  const key = tag.toLowerCase();
  if (typeof table === 'function') {
    loaders.set(key, table);
    loading.delete(key);
  } else {
    const old = tables.get(key);
    tables.set(key, { ...old, ...table, outcomes: { ...old?.outcomes, ...table.outcomes }, inputErrors: { ...old?.inputErrors, ...table.inputErrors } });
  }
  changed();
}

/**
 * The registered locale whose words a language tag uses: the tag itself (`pt-BR`), else its
 * language (`fr` for `fr-CA`), else another locale of that language (`pt-BR` for `pt`), else `en`.
 */
export function matchLocale(lang: string | undefined): string {
  if (!lang) return 'en';
  const wanted = lang.toLowerCase().replace(/_/g, '-');
  const known = (tag: string) => tables.has(tag) || loaders.has(tag);
  if (known(wanted)) return wanted;
  const language = wanted.split('-')[0];
  if (known(language)) return language;
  return [...tables.keys(), ...loaders.keys()].find((tag) => tag.split('-')[0] === language) ?? 'en';
}

/** The table of a matched tag, once it is loaded. */
export function localeTable(tag: string): LocaleStrings | undefined {
  return tables.get(tag);
}

/** Loads a matched tag's table: undefined when it is there already (or cannot be loaded). */
export function loadLocale(tag: string): Promise<void> | undefined {
  const loader = loaders.get(tag);
  if (!loader) return undefined;
  let promise = loading.get(tag);
  if (!promise) {
    promise = loader().then(
      (module) => {
        if (loaders.get(tag) !== loader) return; // replaced meanwhile
        loaders.delete(tag);
        const table = 'default' in module ? module.default : module;
        // Words registered for this tag before it loaded win over the loaded ones.
        const extra = tables.get(tag);
        tables.delete(tag);
        addLocale(tag, table);
        if (extra) addLocale(tag, extra);
      },
      () => {
        // A chunk that fails to load leaves the locale in English (and can be tried again).
        loading.delete(tag);
      },
    );
    loading.set(tag, promise);
  }
  return promise;
}

/**
 * Which locale and direction an element renders in, as the platform decides them: its own
 * `lang` (or the `locale` property, which wins), else the nearest ancestor's across shadow roots
 * (usually `<html lang="fr">`), else English; `dir` likewise (own, ancestor), else from the
 * locale (`ar`, `he`... are right-to-left).
 *
 * One MutationObserver for the whole page watches the `lang` and `dir` attributes of every tree
 * (the document and each shadow root) that holds a vc-phone element or one of its ancestors:
 * a switch on `<html>`, on a container or on the element re-renders the elements it concerns.
 * (Observing the roots, not each ancestor, keeps it one observer and one `observe()` per tree;
 * attribute changes of `lang`/`dir` are rare, so re-checking every element on one is cheap.)
 */
import { ENGLISH, type LocaleScope } from '../i18n/locale-scope.js';
import { loadLocale, localeTable, matchLocale, onLocalesChange } from '../i18n/locales.js';

/** Where a vc-phone element keeps its `locale` override (shared by every copy of vc-phone). */
export const LOCALE_OVERRIDE = Symbol.for('vc-phone.locale');

/** An element that follows the page's language (VcElement). */
export interface LocaleHost extends HTMLElement {
  [LOCALE_OVERRIDE]?: string;
  /** Re-checks its locale and direction (after a `lang`/`dir` change anywhere). */
  localeChanged(): void;
}

const RTL_LANGUAGES = /^(ar|arc|ckb|dv|fa|he|iw|ks|ps|sd|ug|ur|yi)(-|$)/i;

const hosts = new Set<LocaleHost>();
const watchedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;
let queued = false;

/** Every connected element re-checks its locale, once per burst of changes. */
export function refreshLocales(): void {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    hosts.forEach((host) => host.localeChanged());
  });
}
onLocalesChange(refreshLocales);

/** Starts following the page's language for `host` (when it connects). */
export function watchLocale(host: LocaleHost): void {
  hosts.add(host);
  observer ??= new MutationObserver(refreshLocales);
  for (let root = host.getRootNode(); ; ) {
    if (!watchedRoots.has(root)) {
      watchedRoots.add(root);
      observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['lang', 'dir'] });
    }
    if (!(root instanceof ShadowRoot)) break;
    root = root.host.getRootNode();
  }
}

/** Stops (when it disconnects). */
export function unwatchLocale(host: LocaleHost): void {
  hosts.delete(host);
}

/**
 * The language and direction for `host`. `ownDir` is a `dir` the element set on itself (from its
 * locale), which does not count as the page's.
 */
export function resolveLocale(host: LocaleHost, ownDir: string | undefined): { lang: string | undefined; dir: 'ltr' | 'rtl' | undefined } {
  let lang: string | undefined;
  let dir: 'ltr' | 'rtl' | undefined;
  for (let node: Node | null = host; node && (lang === undefined || dir === undefined); node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as LocaleHost;
    lang ??= element[LOCALE_OVERRIDE] || element.getAttribute('lang') || undefined;
    const attr = element.getAttribute('dir')?.toLowerCase();
    if (dir === undefined && (attr === 'ltr' || attr === 'rtl') && !(element === host && attr === ownDir)) dir = attr;
  }
  return { lang, dir };
}

/** The direction a language is written in. */
export const directionOf = (lang: string | undefined): 'ltr' | 'rtl' => (lang && RTL_LANGUAGES.test(lang) ? 'rtl' : 'ltr');

/**
 * The scope an element renders in, and the wait for its table when it has not loaded yet
 * (`pending`, which settles at the latest after `deadlineMs`: then it renders in English until
 * the table arrives).
 */
export function scopeFor(lang: string | undefined, pageDir: 'ltr' | 'rtl' | undefined): { scope: LocaleScope; pending?: Promise<void> } {
  const tag = matchLocale(lang);
  const dir = pageDir ?? directionOf(lang);
  const pending = loadLocale(tag);
  const scope: LocaleScope = tag === 'en' && !lang && dir === 'ltr' ? ENGLISH : { tag, lang: validTag(lang), table: localeTable(tag), dir };
  return { scope, pending };
}

/** The tag if Intl takes it (a page may carry `lang="english"`), else undefined (the browser's own). */
function validTag(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  try {
    return Intl.getCanonicalLocales(lang)[0];
  } catch {
    return undefined;
  }
}

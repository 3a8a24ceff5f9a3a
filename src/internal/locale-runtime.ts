/**
 * The locale runtime (a lazy chunk): works out each element's locale scope, loads its table, sets
 * the element's `dir` when its locale is right-to-left and the page says nothing, and follows
 * changes.
 *
 * One MutationObserver for the whole page watches the `lang` and `dir` attributes of every tree
 * (the document and each shadow root) that holds a vc-phone element or one of its ancestors: a
 * switch on `<html>`, on a container or on the element re-renders the elements it concerns.
 * (Observing the roots, not each ancestor, keeps it one observer and one `observe()` per tree;
 * `lang`/`dir` changes are rare, so re-checking every element on one is cheap.)
 */
import type { LocaleScope } from '../i18n/locale-scope.js';
import { ENGLISH } from '../i18n/locale-scope.js';
import { loadLocale, localeTable, matchLocale, onLocalesChange } from '../i18n/locale-registry.js';
import { localeHosts, resolveLocale, withDeadline, type LocaleHost } from './element-locale.js';

export { addLocale } from '../i18n/locale-registry.js';

/** How long a first render waits for its locale's table before showing English (then it switches). */
const TABLE_DEADLINE_MS = 3000;
const RTL_LANGUAGES = /^(ar|arc|ckb|dv|fa|he|iw|ks|ps|sd|ug|ur|yi)(-|$)/i;

const watchedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;
let queued = false;

/** Every connected element re-checks its locale, once per burst of changes. */
export function refreshLocales(): void {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    localeHosts.forEach((host) => {
      watch(host);
      localeChanged(host);
    });
  });
}

/** Called once the runtime has loaded: follows every element connected so far. */
export function start(): void {
  observer = new MutationObserver(refreshLocales);
  onLocalesChange(refreshLocales);
  refreshLocales();
}

/** Observes the trees `host` is in (once per tree). */
export function watch(host: LocaleHost): void {
  for (let root = host.getRootNode(); ; ) {
    if (!watchedRoots.has(root)) {
      watchedRoots.add(root);
      observer?.observe(root, { subtree: true, attributes: true, attributeFilter: ['lang', 'dir'] });
    }
    if (!(root instanceof ShadowRoot)) break;
    root = root.host.getRootNode();
  }
}

/** Re-checks an element's locale and direction; it re-renders when they changed. */
export function localeChanged(host: LocaleHost): void {
  const state = host.localeState;
  const { lang, dir } = resolveLocale(host, state.ownDir);
  const tag = matchLocale(lang);
  const pending = loadLocale(tag);
  const scope: LocaleScope =
    tag === 'en' && !lang && dir !== 'rtl' ? ENGLISH : { tag, lang: validTag(lang), table: localeTable(tag), dir: dir ?? (lang && RTL_LANGUAGES.test(lang) ? 'rtl' : 'ltr') };
  // The page says nothing about direction and the locale is right-to-left: the element says it
  // on itself, so its shadow content and `:dir(rtl)` follow (and takes it away when no longer so).
  const ownDir = dir === undefined && scope.dir === 'rtl' ? 'rtl' : undefined;
  if (ownDir !== state.ownDir) {
    if (ownDir) host.setAttribute('dir', ownDir);
    else if (host.getAttribute('dir') === state.ownDir) host.removeAttribute('dir');
    state.ownDir = ownDir;
  }
  const wait = state.waited;
  if (pending && !host.hasUpdated && wait !== true) {
    // The first render waits for the table (no flash of English on a French page), once. The same
    // wait is handed over again until it settles: an element that was waiting for the runtime lets
    // go of its `pending` when the runtime arrives, after the runtime has set this one.
    state.pending = state.waited = wait ?? withDeadline(pending, TABLE_DEADLINE_MS).then(() => void (state.waited = true));
  }
  const old = state.scope;
  if (old.tag === scope.tag && old.lang === scope.lang && old.table === scope.table && old.dir === scope.dir) return;
  // While another locale's table loads, a rendered element keeps its words (no flash); it
  // re-renders when the table arrives.
  if (pending && host.hasUpdated) return;
  state.scope = scope;
  host.requestUpdate();
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

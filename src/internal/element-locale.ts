/**
 * Which locale and direction an element renders in, as the platform decides them: its own
 * `lang` (or the `locale` property, which wins), else the nearest ancestor's across shadow roots
 * (usually `<html lang="fr">`), else English; `dir` likewise (own, ancestor), else from the
 * locale (`ar`, `he`... are right-to-left).
 *
 * What the first paint needs is here (a few hundred bytes); the rest, the locale runtime
 * (`locale-runtime.ts`: the tables, the observer of `lang`/`dir` changes), is a chunk loaded when
 * the page is idle, or before the first render of an element whose language is not English.
 */
import { ENGLISH, type LocaleScope } from '../i18n/locale-scope.js';
import type * as Runtime from './locale-runtime.js';
import { whenIdle } from './when-idle.js';

/** Where a vc-phone element keeps its `locale` override (shared by every copy of vc-phone). */
export const LOCALE_OVERRIDE = Symbol.for('vc-phone.locale');

/** What an element knows of its locale (kept by the element, changed by the runtime). */
export interface LocaleState {
  scope: LocaleScope;
  /** What the first render waits for: the runtime, then the table (each with a deadline). */
  pending?: Promise<void>;
  /** The first render's wait for its table (`true` once over: it never waits twice). */
  waited?: Promise<void> | true;
  /** The `dir` the element set on itself (its locale is right-to-left and the page says nothing). */
  ownDir?: 'rtl';
}

/** An element that follows the page's language (VcElement). */
export interface LocaleHost extends HTMLElement {
  [LOCALE_OVERRIDE]?: string;
  readonly localeState: LocaleState;
  readonly hasUpdated: boolean;
  requestUpdate(): void;
}

/** The connected elements. */
export const localeHosts = new Set<LocaleHost>();

let runtime: Promise<typeof Runtime> | undefined;
let loaded: typeof Runtime | undefined;

/** Loads the locale runtime once; it starts following every connected element. */
export function localeRuntime(): Promise<typeof Runtime> {
  return (runtime ??= import('./locale-runtime.js').then((module) => {
    loaded = module;
    module.start();
    return module;
  }));
}

/** Loads the runtime when the page is idle (asked once, by the first element). */
export function loadRuntimeWhenIdle(): void {
  if (!runtime && !idleAsked) whenIdle(() => void localeRuntime());
  idleAsked = true;
}
let idleAsked = false;

/** The runtime, if it is there. */
export const loadedRuntime = (): typeof Runtime | undefined => loaded;

/** A fresh state: English until the runtime says otherwise. */
export const englishState = (): LocaleState => ({ scope: ENGLISH });

/**
 * The language and direction for `host` from its own attributes and its ancestors'. `ownDir` is a
 * `dir` the element set on itself, which does not count as the page's.
 */
export function resolveLocale(host: LocaleHost, ownDir?: string): { lang: string | undefined; dir: 'ltr' | 'rtl' | undefined } {
  let lang: string | undefined;
  let dir: 'ltr' | 'rtl' | undefined;
  for (let node: Node | null = host; node && (lang === undefined || dir === undefined); node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node.nodeType !== 1) continue;
    const element = node as LocaleHost;
    lang ??= element[LOCALE_OVERRIDE] || element.getAttribute('lang') || undefined;
    const attr = element.getAttribute('dir')?.toLowerCase();
    if (dir === undefined && (attr === 'ltr' || attr === 'rtl') && !(element === host && attr === ownDir)) dir = attr;
  }
  return { lang, dir };
}

/** The element's first render needs the runtime: its language is not English, or its direction right-to-left. */
export function needsRuntime(host: LocaleHost): boolean {
  const { lang, dir } = resolveLocale(host);
  return (!!lang && !/^en(-|$)/i.test(lang)) || dir === 'rtl';
}

/** Settles when `promise` does, or after `ms` at the latest (a locale never holds a render for long). */
export const withDeadline = (promise: Promise<unknown>, ms: number): Promise<void> =>
  Promise.race([promise.then(noop, noop), new Promise<void>((resolve) => setTimeout(resolve, ms))]);
const noop = () => undefined;

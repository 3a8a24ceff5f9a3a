import { LitElement } from 'lit';
import { ENGLISH, inScope, type LocaleScope } from '../i18n/locale-scope.js';
import { CustomStates } from './custom-states.js';
import { LOCALE_OVERRIDE, refreshLocales, resolveLocale, scopeFor, unwatchLocale, watchLocale, type LocaleHost } from './element-locale.js';
import { VERSION } from './version.js';

/** Tags already warned about, so a clash is reported once, not once per define call. */
const warnedTags = new Set<string>();

/** How long a first render waits for its locale's table before showing English (then it switches). */
const LOCALE_DEADLINE_MS = 3000;

/**
 * What every vc-phone element shares: `define()` that notices a second copy of vc-phone on the
 * page, custom states for CSS, and its language: it renders in the locale of its `lang` (or its
 * nearest ancestor's, usually `<html lang>`), or of its `locale` property, and follows changes
 * live. (Elements that use the page's phone extend `VcPhoneConsumerElement`.)
 */
export class VcElement extends LitElement implements LocaleHost {
  /** The vc-phone version this class comes from (named when two copies clash). */
  static readonly version: string = VERSION;

  /**
   * Registers the element under `tag`. When the tag is already taken by another class (a CDN copy
   * and an npm copy of vc-phone on one page), the first one stays and a warning names both
   * versions: the page should load vc-phone once. Defining the same class again does nothing.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag);
    if (!existing) {
      customElements.define(tag, this);
      return;
    }
    if (existing === this || warnedTags.has(tag)) return;
    warnedTags.add(tag);
    const theirs = (existing as Partial<typeof VcElement>).version;
    console.warn(
      `vc-phone: <${tag}> is already defined by another copy of vc-phone (${theirs ? `version ${theirs}` : 'version unknown'}); ` +
        `this copy (version ${this.version}) is not used for it. Load vc-phone once: the CDN script or the npm package, not both.`,
    );
  }

  private states: CustomStates | undefined;

  declare [LOCALE_OVERRIDE]?: string;
  /** The locale this element renders in. */
  private localeScope: LocaleScope = ENGLISH;
  /** The wait for the first render's table. */
  private localePending: Promise<void> | undefined;
  /** The `dir` this element set on itself (its locale is right-to-left and the page says nothing). */
  private ownDir: 'rtl' | undefined;

  /**
   * The language of the element's words and number formats (a BCP 47 tag: `fr`, `pt-BR`, `ar`).
   * Wins over the `lang` attributes of the element and its ancestors, for it and the elements
   * inside it. Unset: the platform's rule (own `lang`, else the nearest ancestor's, else English).
   */
  get locale(): string | undefined {
    return this[LOCALE_OVERRIDE];
  }
  set locale(value: string | undefined) {
    this[LOCALE_OVERRIDE] = value || undefined;
    refreshLocales();
  }

  /** The locale the element renders in now: `{ tag, lang, dir }` (`tag`: the table used). */
  get resolvedLocale(): { tag: string; lang: string | undefined; dir: 'ltr' | 'rtl' } {
    const { tag, lang, dir } = this.localeScope;
    return { tag, lang, dir };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchLocale(this);
    this.localeChanged();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchLocale(this);
  }

  /** @internal Re-checks the locale and direction; re-renders when they changed. */
  localeChanged(): void {
    const { lang, dir } = resolveLocale(this, this.ownDir);
    const { scope, pending } = scopeFor(lang, dir);
    // The page says nothing about direction and the locale is right-to-left: the element says it
    // on itself, so its shadow content and `:dir(rtl)` follow (removed again when no longer so).
    const wantDir = dir === undefined && scope.dir === 'rtl' ? 'rtl' : undefined;
    if (wantDir !== this.ownDir) {
      if (wantDir) this.setAttribute('dir', wantDir);
      else if (this.getAttribute('dir') === this.ownDir) this.removeAttribute('dir');
      this.ownDir = wantDir;
    }
    this.localePending = pending && !this.hasUpdated ? withDeadline(pending, LOCALE_DEADLINE_MS) : undefined;
    const old = this.localeScope;
    if (old.tag === scope.tag && old.lang === scope.lang && old.table === scope.table && old.dir === scope.dir) return;
    // While another locale's table loads, the element keeps its current words (no flash).
    if (pending && this.hasUpdated) return;
    this.localeScope = scope;
    this.requestUpdate();
  }

  /** The first render waits (briefly) for its locale's table, so a French page never flashes English. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.localePending;
    if (!pending) return super.scheduleUpdate();
    return pending.then(() => {
      this.localePending = undefined;
      this.localeChanged();
      return super.scheduleUpdate();
    });
  }

  /** Renders (and runs the update hooks) in the element's locale: `strings` answers in it. */
  protected override performUpdate(): void {
    inScope(this.localeScope, () => super.performUpdate());
  }

  /** Runs `work` in this element's locale (for words made outside a render: announcements). */
  inLocale<T>(work: () => T): T {
    return inScope(this.localeScope, work);
  }

  /** The element's custom states (`:state(name)` in CSS), created on first use. */
  protected get customStates(): CustomStates {
    this.states ??= new CustomStates(typeof this.attachInternals === 'function' ? this.attachInternals() : undefined);
    return this.states;
  }
}

/** Settles when `promise` does, or after `ms` at the latest. */
function withDeadline(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

import { LitElement } from 'lit';
import { inScope } from '../i18n/locale-scope.js';
import { CustomStates } from './custom-states.js';
import { englishState, loadedRuntime, loadRuntimeWhenIdle, LOCALE_OVERRIDE, localeHosts, localeRuntime, needsRuntime, withDeadline, type LocaleHost, type LocaleState } from './element-locale.js';
import { VERSION } from './version.js';

/** Tags already warned about, so a clash is reported once, not once per define call. */
const warnedTags = new Set<string>();

/** How long a first render waits for the locale runtime before showing English (then it switches). */
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

  /** @internal Where `locale` is kept (read by the elements inside it, even of another copy). */
  declare [LOCALE_OVERRIDE]?: string;
  /** @internal The locale this element renders in (the locale runtime keeps it current). */
  readonly localeState: LocaleState = englishState();

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
    if (this.isConnected) this.followLocale();
    void localeRuntime().then((runtime) => runtime.refreshLocales());
  }

  /** The locale the element renders in now: `{ tag, lang, dir }` (`tag`: the table used). */
  get resolvedLocale(): { tag: string; lang: string | undefined; dir: 'ltr' | 'rtl' } {
    const { tag, lang, dir } = this.localeState.scope;
    return { tag, lang, dir };
  }

  constructor() {
    super();
    // `locale` set on the element before its class was defined (a lazily defined tag) is an own
    // property hiding the accessor: take it over.
    if (Object.prototype.hasOwnProperty.call(this, 'locale')) {
      const early = (this as { locale?: string }).locale;
      delete (this as { locale?: string }).locale;
      this.locale = early;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    localeHosts.add(this);
    this.followLocale();
    loadRuntimeWhenIdle();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    localeHosts.delete(this);
  }

  /** Takes the page's language now if the runtime is there; else a first render in another language waits for it. */
  private followLocale(): void {
    const runtime = loadedRuntime();
    if (runtime) {
      runtime.watch(this);
      runtime.localeChanged(this);
    } else if (!this.hasUpdated && !this.localeState.pending && needsRuntime(this)) {
      this.localeState.pending = withDeadline(localeRuntime(), LOCALE_DEADLINE_MS);
    }
  }

  /** The first render waits (briefly) for its locale, so a French page never flashes English. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.localeState.pending;
    if (!pending) return super.scheduleUpdate();
    return pending.then(() => {
      this.localeState.pending = undefined;
      loadedRuntime()?.localeChanged(this);
      return this.scheduleUpdate();
    });
  }

  /** Renders (and runs the update hooks) in the element's locale: `strings` answers in it. */
  protected override performUpdate(): void {
    inScope(this.localeState.scope, () => super.performUpdate());
  }

  /** @internal Runs `work` in this element's locale (for words made outside a render: announcements). */
  inLocale<T>(work: () => T): T {
    return inScope(this.localeState.scope, work);
  }

  /** The element's custom states (`:state(name)` in CSS), created on first use. */
  protected get customStates(): CustomStates {
    this.states ??= new CustomStates(typeof this.attachInternals === 'function' ? this.attachInternals() : undefined);
    return this.states;
  }
}


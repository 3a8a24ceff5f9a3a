import { LitElement } from 'lit';
import { CustomStates } from './custom-states.js';
import { VERSION } from './version.js';

/** Tags already warned about, so a clash is reported once, not once per define call. */
const warnedTags = new Set<string>();

/**
 * What every vc-phone element shares: `define()` that notices a second copy of vc-phone on the
 * page, and custom states for CSS. (Elements that use the page's phone extend
 * `VcPhoneConsumerElement`.)
 */
export class VcElement extends LitElement {
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

  /** The element's custom states (`:state(name)` in CSS), created on first use. */
  protected get customStates(): CustomStates {
    this.states ??= new CustomStates(typeof this.attachInternals === 'function' ? this.attachInternals() : undefined);
    return this.states;
  }
}

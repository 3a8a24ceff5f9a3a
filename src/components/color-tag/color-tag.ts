import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { PhoneConsumer } from '../../context/phone-context.js';
import { VcColorChangeEvent } from '../../events/user-events.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import { VcElement } from '../../internal/vc-element.js';
import type { Call } from '../../phone/call.js';
import { checkIcon } from '../shared/icons.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { COLOR_TAGS, colorLabel, colorTagTokens } from './color-palette.js';
import { colorTagStyles } from './color-tag.styles.js';

/**
 * Lets the agent tag a call's box with a named colour (blue, green, amber, red, purple, or none)
 * for their own organisation. A small swatch button (named "Colour tag: Green", the same words
 * as its tooltip) opens a radio group of the palette: a click picks and closes; arrow keys
 * move, Enter or Escape close. The palette opens below and toward the start of the box, and
 * flips when that would put it off-screen (near the start or bottom edge; the start is the right
 * edge in a right-to-left locale). The tag is stored on
 * the call (`call.setColor`), so the phone persists it across a reload.
 *
 * @summary Colour tag picker of a call box.
 *
 * @event {VcColorChangeEvent} vc-color-change - The agent picked a colour; `detail: { callId, color }` (`color` undefined = none).
 *
 * @csspart base - The wrapper of the button and the palette.
 * @csspart trigger - The button showing the current colour.
 * @csspart menu - The palette (a radio group).
 * @csspart option - One colour of the palette.
 * @csspart swatch - A colour dot.
 *
 * @cssprop --vc-color-tag-blue - The blue tag (likewise `--vc-color-tag-green`, `-amber`, `-red`, `-purple`).
 * @cssprop --vc-color-tag-green - The green tag.
 * @cssprop --vc-color-tag-amber - The amber tag.
 * @cssprop --vc-color-tag-red - The red tag.
 * @cssprop --vc-color-tag-purple - The purple tag.
 * @cssprop --vc-color-tag-menu-background - Background of the palette (default `--vc-color-surface`).
 */
export class VcColorTag extends VcElement {
  static override styles = [tokens, buttons, colorTagTokens, colorTagStyles];

  /** The call to tag. */
  @property({ attribute: false }) call?: Call;

  /** The palette is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  private readonly menuId = `vc-color-menu-${Math.random().toString(36).slice(2)}`;

  private readonly consumer = new PhoneConsumer(this, { call: () => this.call });

  constructor() {
    super();
    this.addEventListener('focusout', this.onFocusOut);
  }

  /** The current colour name, or undefined for none. */
  get value(): string | undefined {
    return this.consumer.call?.color;
  }

  override render() {
    const call = this.consumer.call;
    const color = call?.color;
    return html`<div part="base" class="base" @keydown=${this.onKeyDown}>
      <button
        part="trigger"
        class="button trigger"
        type="button"
        title=${`${strings.colorTag}: ${colorLabel(color)}`}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.menuId}
        ?disabled=${!call}
        @click=${this.toggle}
      >
        <span part="swatch" class="swatch ${color ? '' : 'none'}" data-color=${color ?? nothing}></span>
        <span class="visually-hidden">${strings.colorTag}: ${colorLabel(color)}</span>
      </button>
      ${this.open && call
        ? html`<div part="menu" class="menu" id=${this.menuId} role="radiogroup" aria-label=${strings.colorTag}
            @click=${this.onMenuClick}
            @mousedown=${this.keepFocus}>
            ${[{ name: '', label: strings.colorNone }, ...COLOR_TAGS.map((tag) => ({ name: tag.name, label: strings[tag.label] }))].map(
              (option) => html`<label part="option" class="option">
                <input
                  type="radio"
                  name="color"
                  .value=${option.name}
                  .checked=${(color ?? '') === option.name}
                  @change=${this.onChange}
                />
                <span part="swatch" class="swatch ${option.name ? '' : 'none'}" data-color=${option.name || nothing}></span>
                <span>${option.label}</span>
                <span class="check">${checkIcon}</span>
              </label>`,
            )}
          </div>`
        : nothing}
    </div>`;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('open') && this.open) {
      this.placeMenu();
      const checked = this.renderRoot.querySelector<HTMLInputElement>('input:checked') ?? this.renderRoot.querySelector('input');
      checked?.focus();
    }
  }

  /** Flips the palette to whichever side keeps it on screen (before it is painted). */
  private placeMenu(): void {
    const menu = this.renderRoot.querySelector<HTMLElement>('.menu');
    if (!menu) return;
    menu.classList.remove('flip-x', 'flip-y');
    const rect = menu.getBoundingClientRect();
    const trigger = this.renderRoot.querySelector('.trigger')!.getBoundingClientRect();
    // It opens toward the start of the box: leftward, or rightward in a right-to-left locale.
    if (this.resolvedLocale.dir === 'rtl' ? rect.right > document.documentElement.clientWidth : rect.left < 0) menu.classList.add('flip-x');
    const below = window.innerHeight - trigger.bottom;
    if (rect.bottom > window.innerHeight && trigger.top > below) menu.classList.add('flip-y');
  }

  private toggle(): void {
    this.open = !this.open;
  }

  private close(focusTrigger: boolean): void {
    this.open = false;
    if (focusTrigger) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.trigger')?.focus());
  }

  /** Arrow keys (and Space) pick. */
  private onChange(event: Event): void {
    this.pick((event.target as HTMLInputElement).value);
  }

  private pick(value: string): void {
    const call = this.consumer.call;
    if (!call) return;
    const color = value || undefined;
    if (color === call.color) return;
    call.setColor(color);
    this.dispatchEvent(new VcColorChangeEvent({ callId: call.id, color }));
  }

  /**
   * A pointer click on an option picks it and closes the palette. It picks here, not on the
   * radio's `change`: closing removes the radios before a real click's activation would fire
   * one. A keyboard "click" (arrow keys, `detail` 0) is left to `change` and only picks.
   */
  private onMenuClick(event: MouseEvent): void {
    if (event.detail === 0) return;
    const option = event.composedPath().find((node): node is HTMLLabelElement => node instanceof HTMLLabelElement && node.classList.contains('option'));
    const radio = option?.querySelector('input');
    if (!radio) return;
    event.preventDefault();
    this.pick(radio.value);
    this.close(true);
  }

  /** Clicking a name must not blur the palette (which would close it before the click lands). */
  private keepFocus(event: MouseEvent): void {
    event.preventDefault();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.open) return;
    if (event.key === 'Escape' || (event.key === 'Enter' && (event.target as Element).matches('input'))) {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    }
  }

  private readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (this.open && (!next || !this.contains(next)) && !this.renderRoot.contains(next)) this.open = false;
  };
}

import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { PhoneConsumer } from '../../context/phone-context.js';
import { VcColorChangeEvent } from '../../events/user-events.js';
import { strings } from '../../i18n/strings.js';
import { VcElement } from '../../internal/vc-element.js';
import type { Call } from '../../phone/call.js';
import { checkIcon, chevronIcon } from '../shared/icons.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { COLOR_TAGS, colorLabel, colorTagTokens } from './color-palette.js';
import { colorTagStyles } from './color-tag.styles.js';

/**
 * Lets the agent tag a call's box with a named colour (blue, green, amber, red, purple, or none)
 * for their own organisation. A button shows the current tag (swatch + name) and opens a radio
 * group of the palette (arrow keys move, Enter or Escape close). The tag is stored on the call
 * (`call.setColor`), so the phone persists it across a reload.
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
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.menuId}
        ?disabled=${!call}
        @click=${this.toggle}
      >
        <span part="swatch" class="swatch ${color ? '' : 'none'}" data-color=${color ?? nothing}></span>
        <span><span class="visually-hidden">${strings.colorTag}: </span>${colorLabel(color)}</span>
        <span class="chevron">${chevronIcon}</span>
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
      const checked = this.renderRoot.querySelector<HTMLInputElement>('input:checked') ?? this.renderRoot.querySelector('input');
      checked?.focus();
    }
  }

  private toggle(): void {
    this.open = !this.open;
  }

  private close(focusTrigger: boolean): void {
    this.open = false;
    if (focusTrigger) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.trigger')?.focus());
  }

  private onChange(event: Event): void {
    const call = this.consumer.call;
    if (!call) return;
    const color = (event.target as HTMLInputElement).value || undefined;
    if (color === call.color) return;
    call.setColor(color);
    this.dispatchEvent(new VcColorChangeEvent({ callId: call.id, color }));
  }

  /** A pointer click picks and closes; a keyboard "click" (arrow keys) only picks. */
  private onMenuClick(event: MouseEvent): void {
    if (event.detail > 0 && (event.target as Element).matches('input')) this.close(true);
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

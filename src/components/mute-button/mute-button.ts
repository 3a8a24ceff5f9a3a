import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { PhoneConsumer } from '../../context/phone-context.js';
import { VcMuteChangeEvent } from '../../events/user-events.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import { VcElement } from '../../internal/vc-element.js';
import type { Call } from '../../phone/call.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { micIcon, micOffIcon } from '../shared/icons.js';
import { muteButtonStyles } from './mute-button.styles.js';

/**
 * A toggle button that mutes and un-mutes the microphone of one call. Its accessible name is
 * always "Mute"; `aria-pressed` says whether the call is muted. Muted, it is solid (the danger
 * colour, a crossed-out microphone), so the state reads at a glance and not by colour alone.
 *
 * @summary Mutes and un-mutes the microphone of a call.
 *
 * @event {VcMuteChangeEvent} vc-mute-change - The agent toggled mute; `detail: { callId, muted }`.
 *
 * @csspart base - The button.
 * @csspart label - The word "Mute" (a call box hides it, keeping the name, when it is narrow).
 *
 * @cssprop --vc-mute-button-active-color - Text and icon colour while muted (default: `--vc-color-on-danger`).
 * @cssprop --vc-mute-button-active-background - Solid background while muted (default: `--vc-color-danger`).
 */
export class VcMuteButton extends VcElement {
  static override styles = [tokens, buttons, muteButtonStyles];

  /** The call whose microphone this button controls. */
  @property({ attribute: false }) call?: Call;

  private readonly consumer = new PhoneConsumer(this, { call: () => this.call });

  /** Moves keyboard focus to the button. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  override render() {
    const call = this.consumer.call;
    const muted = call?.muted ?? false;
    const disabled = !call || call.isFinal;
    return html`<button
      part="base"
      class="base button"
      type="button"
      aria-pressed=${muted ? 'true' : 'false'}
      ?disabled=${disabled}
      @click=${this.toggle}
    >
      ${muted ? micOffIcon : micIcon}<span part="label">${strings.mute}</span>
    </button>`;
  }

  /** Mutes or un-mutes the call, as a click does (with its `vc-mute-change`). */
  toggle(): void {
    const call = this.consumer.call;
    if (!call || call.isFinal) return;
    call.toggleMute();
    this.dispatchEvent(new VcMuteChangeEvent({ callId: call.id, muted: call.muted }));
  }
}

import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { PhoneConsumer } from '../../context/phone-context.js';
import { VcMuteChangeEvent } from '../../events/user-events.js';
import { strings } from '../../i18n/strings.js';
import { VcElement } from '../../internal/vc-element.js';
import type { Call } from '../../phone/call.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { micIcon, micOffIcon } from '../shared/icons.js';
import { muteButtonStyles } from './mute-button.styles.js';

/**
 * A toggle button that mutes and un-mutes the microphone of one call. Its accessible name is
 * always "Mute"; `aria-pressed` says whether the call is muted (the icon changes too).
 *
 * @summary Mutes and un-mutes the microphone of a call.
 *
 * @event {VcMuteChangeEvent} vc-mute-change - The agent toggled mute; `detail: { callId, muted }`.
 *
 * @csspart base - The button.
 *
 * @cssprop --vc-mute-button-active-color - Text and border colour while muted (default: `--vc-color-danger`).
 * @cssprop --vc-mute-button-active-background - Background while muted.
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
      ${muted ? micOffIcon : micIcon}<span>${strings.mute}</span>
    </button>`;
  }

  private toggle(): void {
    const call = this.consumer.call;
    if (!call || call.isFinal) return;
    call.toggleMute();
    this.dispatchEvent(new VcMuteChangeEvent({ callId: call.id, muted: call.muted }));
  }
}

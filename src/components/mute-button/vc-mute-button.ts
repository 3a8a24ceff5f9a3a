import { VcMuteButton } from './mute-button.js';

export { VcMuteButton };

if (!customElements.get('vc-mute-button')) customElements.define('vc-mute-button', VcMuteButton);

declare global {
  interface HTMLElementTagNameMap {
    'vc-mute-button': VcMuteButton;
  }
}

import { VcMuteButton } from './mute-button.js';

export { VcMuteButton };

VcMuteButton.define('vc-mute-button');

declare global {
  interface HTMLElementTagNameMap {
    'vc-mute-button': VcMuteButton;
  }
}

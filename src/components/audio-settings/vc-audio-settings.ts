import { VcAudioSettings } from './audio-settings.js';

export { VcAudioSettings };

VcAudioSettings.define('vc-audio-settings');

declare global {
  interface HTMLElementTagNameMap {
    'vc-audio-settings': VcAudioSettings;
  }
}

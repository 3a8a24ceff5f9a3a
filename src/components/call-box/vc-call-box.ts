import '../color-tag/vc-color-tag.js';
import '../dialpad/vc-dialpad.js';
import '../mute-button/vc-mute-button.js';
import { VcCallBox } from './call-box.js';

export { VcCallBox };

VcCallBox.define('vc-call-box');

declare global {
  interface HTMLElementTagNameMap {
    'vc-call-box': VcCallBox;
  }
}

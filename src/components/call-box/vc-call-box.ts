import '../color-tag/vc-color-tag.js';
import '../dialpad/vc-dialpad.js';
import '../mute-button/vc-mute-button.js';
import { VcCallBox } from './call-box.js';

export { VcCallBox };

if (!customElements.get('vc-call-box')) customElements.define('vc-call-box', VcCallBox);

declare global {
  interface HTMLElementTagNameMap {
    'vc-call-box': VcCallBox;
  }
}

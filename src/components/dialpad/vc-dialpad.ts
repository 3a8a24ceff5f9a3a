import { VcDialpad } from './dialpad.js';

export { VcDialpad };

if (!customElements.get('vc-dialpad')) customElements.define('vc-dialpad', VcDialpad);

declare global {
  interface HTMLElementTagNameMap {
    'vc-dialpad': VcDialpad;
  }
}

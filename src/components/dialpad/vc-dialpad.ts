import { VcDialpad } from './dialpad.js';

export { VcDialpad };

VcDialpad.define('vc-dialpad');

declare global {
  interface HTMLElementTagNameMap {
    'vc-dialpad': VcDialpad;
  }
}

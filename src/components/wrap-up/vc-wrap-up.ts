import { VcWrapUp } from './wrap-up.js';

export { VcWrapUp };

VcWrapUp.define('vc-wrap-up');

declare global {
  interface HTMLElementTagNameMap {
    'vc-wrap-up': VcWrapUp;
  }
}

import '../call-list/vc-call-list.js';
import '../place-call/vc-place-call.js';
import { VcPhone } from './phone.js';

export { VcPhone };

if (!customElements.get('vc-phone')) customElements.define('vc-phone', VcPhone);

declare global {
  interface HTMLElementTagNameMap {
    'vc-phone': VcPhone;
  }
}

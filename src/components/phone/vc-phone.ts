import '../call-list/vc-call-list.js';
import '../place-call/vc-place-call.js';
import { Phone } from '../../phone/phone.js';
import { VcPhone } from './phone.js';

export { VcPhone };

// With the npm package, a bundler decides what to split: the element makes its phone at once.
VcPhone.Phone ??= Phone;

if (!customElements.get('vc-phone')) customElements.define('vc-phone', VcPhone);

declare global {
  interface HTMLElementTagNameMap {
    'vc-phone': VcPhone;
  }
}

import '../call-list/vc-call-list.js';
import '../place-call/vc-place-call.js';
import '../phone-status/vc-phone-status.js';
import '../audio-settings/vc-audio-settings.js';
import { Phone } from '../../phone/phone.js';
import { VcPhone } from './phone-element.js';
import './phone-wiring.js';

export { VcPhone };

// With the npm package, a bundler decides what to split: the element makes its phone at once.
VcPhone.Phone ??= Phone;

VcPhone.define('vc-phone');

declare global {
  interface HTMLElementTagNameMap {
    'vc-phone': VcPhone;
  }
}

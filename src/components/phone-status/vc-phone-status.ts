import { VcPhoneStatus } from './phone-status.js';

export { VcPhoneStatus };

VcPhoneStatus.define('vc-phone-status');

declare global {
  interface HTMLElementTagNameMap {
    'vc-phone-status': VcPhoneStatus;
  }
}

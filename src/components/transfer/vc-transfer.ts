import { VcTransfer } from './transfer.js';

export { VcTransfer };

VcTransfer.define('vc-transfer');

declare global {
  interface HTMLElementTagNameMap {
    'vc-transfer': VcTransfer;
  }
}

import { VcCallHistory } from './call-history.js';

export { VcCallHistory };

VcCallHistory.define('vc-call-history');

declare global {
  interface HTMLElementTagNameMap {
    'vc-call-history': VcCallHistory;
  }
}

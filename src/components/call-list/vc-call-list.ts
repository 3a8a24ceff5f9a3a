import '../call-box/vc-call-box.js';
import { VcCallList } from './call-list.js';

export { VcCallList };

VcCallList.define('vc-call-list');

declare global {
  interface HTMLElementTagNameMap {
    'vc-call-list': VcCallList;
  }
}

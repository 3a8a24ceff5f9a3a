import '../call-box/vc-call-box.js';
import { VcCallList } from './call-list.js';

export { VcCallList };

if (!customElements.get('vc-call-list')) customElements.define('vc-call-list', VcCallList);

declare global {
  interface HTMLElementTagNameMap {
    'vc-call-list': VcCallList;
  }
}

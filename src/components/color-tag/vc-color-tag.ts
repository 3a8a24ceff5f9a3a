import { VcColorTag } from './color-tag.js';

export { VcColorTag };

if (!customElements.get('vc-color-tag')) customElements.define('vc-color-tag', VcColorTag);

declare global {
  interface HTMLElementTagNameMap {
    'vc-color-tag': VcColorTag;
  }
}

import { VcColorTag } from './color-tag.js';

export { VcColorTag };

VcColorTag.define('vc-color-tag');

declare global {
  interface HTMLElementTagNameMap {
    'vc-color-tag': VcColorTag;
  }
}

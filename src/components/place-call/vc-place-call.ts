import { VcPlaceCall } from './place-call.js';

export { VcPlaceCall };

if (!customElements.get('vc-place-call')) customElements.define('vc-place-call', VcPlaceCall);

declare global {
  interface HTMLElementTagNameMap {
    'vc-place-call': VcPlaceCall;
  }
}

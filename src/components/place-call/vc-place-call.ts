import { VcPlaceCall } from './place-call.js';

export { VcPlaceCall };

VcPlaceCall.define('vc-place-call');

declare global {
  interface HTMLElementTagNameMap {
    'vc-place-call': VcPlaceCall;
  }
}

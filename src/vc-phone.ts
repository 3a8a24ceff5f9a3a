/**
 * Defines every vc-phone element (`<vc-phone>`, `<vc-place-call>`, `<vc-call-list>`,
 * `<vc-call-box>`, `<vc-dialpad>`, `<vc-mute-button>`, `<vc-color-tag>`, `<vc-transfer>`) and exports the whole
 * library. (The CDN build has its own entry, src/cdn/elements.ts, that defines the call boxes
 * lazily.)
 */
import './components/phone/vc-phone.js';
import './components/place-call/vc-place-call.js';
import './components/call-list/vc-call-list.js';
import './components/call-box/vc-call-box.js';
import './components/dialpad/vc-dialpad.js';
import './components/mute-button/vc-mute-button.js';
import './components/color-tag/vc-color-tag.js';
import './components/transfer/vc-transfer.js';
import './components/phone-status/vc-phone-status.js';
import './components/wrap-up/vc-wrap-up.js';
import './components/call-history/vc-call-history.js';
import './components/audio-settings/vc-audio-settings.js';

export * from './index.js';

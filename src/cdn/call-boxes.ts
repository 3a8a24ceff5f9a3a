/**
 * The CDN's second chunk: the elements that show calls. Loaded by `cdn/vc-phone.js` when the
 * page is idle or a phone appears.
 * @internal
 */
import '../components/call-list/vc-call-list.js';
import '../components/call-box/vc-call-box.js';
import '../components/dialpad/vc-dialpad.js';
import '../components/mute-button/vc-mute-button.js';
import '../components/color-tag/vc-color-tag.js';
import '../components/phone-status/vc-phone-status.js';
// <vc-audio-settings>, <vc-wrap-up> and <vc-call-history>: each its own chunk, on first need.
export { defineLazyTag, LAZY_TAGS } from './lazy-tags.js';

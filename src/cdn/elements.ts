/**
 * The CDN's elements entry, built as `cdn/vc-phone.js` (see rollup.config.mjs): one
 * `<script type="module">` defines every vc-phone element.
 *
 * What a page shows before its first call (`<vc-phone>` and `<vc-place-call>`) is defined at
 * once; the rest loads after it, so the first paint downloads only Lit and those two:
 * - the call-box family (`<vc-call-list>`, `<vc-call-box>`, `<vc-dialpad>`, `<vc-mute-button>`,
 *   `<vc-color-tag>`, `<vc-phone-status>`) is defined from a second chunk when the page is idle, when a `<vc-phone>`
 *   makes its phone, or at once if the page itself uses one of those tags (custom elements
 *   upgrade when they are defined);
 * - `<vc-audio-settings>`, `<vc-wrap-up>` and `<vc-call-history>` each come from a chunk of their
 *   own when first needed (settings opened, a phone with a wrap-up, a page that shows the
 *   history; see call-boxes.ts and lazy-tags.ts), so a first call does not download them;
 * - a `<vc-phone>` makes its `Phone` (the controller, a third chunk) when the page is idle or
 *   as soon as the agent reaches for it (pointer, focus, key);
 * - sip.js and the phone-number metadata are prefetched once the phone is there, and used on
 *   the first call.
 *
 * For the API alone (`Phone`, events, types) without any element, use `cdn/index.js`.
 */
import { VcPhone } from '../components/phone/phone-element.js';
import { VcPlaceCall } from '../components/place-call/place-call.js';
import { whenIdle } from '../internal/when-idle.js';

const LATER_TAGS = ['vc-call-list', 'vc-call-box', 'vc-dialpad', 'vc-mute-button', 'vc-color-tag', 'vc-phone-status', 'vc-wrap-up', 'vc-call-history', 'vc-audio-settings'] as const;

let callBoxes: Promise<typeof import('./call-boxes.js')> | undefined;

/** Defines the call-box family (once). */
function defineCallBoxes(): Promise<typeof import('./call-boxes.js')> {
  return (callBoxes ??= import('./call-boxes.js'));
}

// <vc-audio-settings>, <vc-wrap-up>, <vc-call-history>: their own chunks, defined on need (lazy-tags.ts).
VcPhone.needTag = (tag) => defineCallBoxes().then(({ defineLazyTag }) => defineLazyTag(tag));

VcPhone.loadPhone = () => {
  void defineCallBoxes();
  return import('../phone/phone.js').then(({ Phone, prefetchTelephony }) => {
    whenIdle(() => void prefetchTelephony());
    return Phone;
  });
};

VcPlaceCall.define('vc-place-call');
VcPhone.define('vc-phone');

if (typeof document !== 'undefined' && document.querySelector(LATER_TAGS.join(','))) void defineCallBoxes();
else whenIdle(() => void defineCallBoxes());

/** Resolves once every vc-phone element is defined (it loads the rest now if it has not yet). */
export function whenDefined(): Promise<void> {
  return defineCallBoxes().then(({ defineLazyTag, LAZY_TAGS }) => Promise.all(LAZY_TAGS.map((tag) => defineLazyTag(tag)))).then(() => undefined);
}

export { VcPhone, VcPlaceCall };
/** Languages: add a locale (`registerLocale('nl', { placeCall: 'Bellen', ... })`) or change words. */
export { registerLocale, SHIPPED_LOCALES } from '../i18n/locales.js';
export { setStrings } from '../i18n/strings.js';


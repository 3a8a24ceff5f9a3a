/**
 * The CDN's API entry, `cdn/index.js`: the `Phone` controller and its events, with no element
 * (and no Lit). sip.js and the phone-number metadata stay lazy, as in the npm package. A bundle
 * carries no types: these are the values of the npm main entry's controller and events.
 */
// What <vc-phone> does with a phone (its attributes and settings, its events into the DOM) travels
// with the phone code: cdn/vc-phone.js loads this chunk for its phone, so it is not in its first paint.
import '../components/phone/phone-wiring.js';
export {
  Phone,
  PhoneAudio,
  Call,
  PhoneInputError,
  checkColorName,
  checkServerUrl,
  describeSipStatus,
  memoryStorage,
  prefetchTelephony,
  CallHistory,
} from '../phone/index.js';
// Every event class (its types are the npm entry's; a bundle carries no types).
export * from '../events/index.js';

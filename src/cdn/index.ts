/**
 * The CDN's API entry, `cdn/index.js`: the `Phone` controller and its events, with no element
 * (and no Lit). sip.js and the phone-number metadata stay lazy, as in the npm package. A bundle
 * carries no types: these are the values of the npm main entry's controller and events.
 */
export {
  Phone,
  Call,
  PhoneInputError,
  checkColorName,
  checkServerUrl,
  describeSipStatus,
  memoryStorage,
  prefetchTelephony,
} from '../phone/index.js';
export {
  VcEvent,
  VcBoxCloseEvent,
  VcBoxRemoveEvent,
  VcCallAnsweredEvent,
  VcCallColorEvent,
  VcCallDialingEvent,
  VcCallDtmfEvent,
  VcCallEndedEvent,
  VcCallFailedEvent,
  VcCallHeldEvent,
  VcCallMuteEvent,
  VcCallQualityEvent,
  VcCallRemovedEvent,
  VcCallResumedEvent,
  VcCallRequestEvent,
  VcCallRingingEvent,
  VcCallTransferEvent,
  VcColorChangeEvent,
  VcConnectionChangeEvent,
  VcDtmfEvent,
  VcInputErrorEvent,
  VcMuteChangeEvent,
} from '../events/index.js';

/** The element classes, without defining any tag (import `vc-phone/vc-phone.js` or a `vc-*.js` for that). */
export { VcPlaceCall } from './place-call/place-call.js';
export { VcCallBox, formatDuration } from './call-box/call-box.js';
export { VcDialpad, DIALPAD_KEYS } from './dialpad/dialpad.js';
export { VcMuteButton } from './mute-button/mute-button.js';
export { VcCallList } from './call-list/call-list.js';
export { VcColorTag } from './color-tag/color-tag.js';
export { COLOR_TAGS, colorLabel } from './color-tag/color-palette.js';
export { VcPhone } from './phone/phone-element.js';
export { VcPhoneStatus } from './phone-status/phone-status.js';
export { VcTransfer } from './transfer/transfer.js';
export { VcWrapUp } from './wrap-up/wrap-up.js';
export { VcCallHistory } from './call-history/call-history.js';
export { VcAudioSettings } from './audio-settings/audio-settings.js';
export { phoneContext, PhoneConsumer, type PhoneConsumerOptions } from '../context/phone-context.js';
export { strings, defaultStrings, setStrings, format, inputErrorText, type VcStrings, type OutcomeStrings, type InputErrorStrings } from '../i18n/strings.js';
export { registerLocale, SHIPPED_LOCALES } from '../i18n/locales.js';
export type { LocaleStrings } from '../i18n/locale-types.js';

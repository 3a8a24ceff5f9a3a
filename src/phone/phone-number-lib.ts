/**
 * The only parts of libphonenumber-js vc-phone uses, in one lazily-imported module: importing
 * the whole namespace dynamically would defeat tree-shaking and ship ~15 KB gzip more.
 * @internal
 */
export { AsYouType, parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/min';

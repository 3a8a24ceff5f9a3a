/**
 * Everything needed to check what the agent dials and to build the INVITE's headers, in one
 * module loaded on first need together with the phone-number metadata: none of it is needed to
 * paint the elements, all of it is needed the moment the agent types a number.
 * @internal
 */
export { AsYouType, parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/min';
export * from './targets.js';
export * from './headers.js';

export type Dialing = typeof import('./dialing.js');

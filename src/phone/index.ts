// The public API of the controller. Number checking, header building, the status-webhook outbox
// and sip.js are loaded lazily by the Phone, so nothing here pulls them in statically.
export { Phone, checkServerUrl, prefetchTelephony, type PhoneOptions } from './phone.js';
export { Call, checkColorName } from './call.js';
export { PhoneInputError, type InputErrorCode } from './errors.js';
export { describeSipStatus } from './sip-errors.js';
export { memoryStorage, type KeyValueStorage, type PhonePrefs } from './store.js';
export type { WebhookPayload } from './status-webhook.js';
export type { HeaderLine } from './headers.js';
export type { EngineHost, TelephonyEngine, OutboundRequest, OutboundSession, SessionListener, EngineConfig } from './engine.js';
export * from './types.js';

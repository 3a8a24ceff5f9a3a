// The public API of the controller, by name. Number checking, header building, the status-webhook
// outbox and sip.js are loaded lazily by the Phone, so nothing here pulls them in statically.
// The seam to the signalling engine is not here: it is for test doubles (`vc-phone/testing`).
export { Phone, type PhoneOptions } from './phone.js';
export { PhoneAudio, type AudioDeviceSource } from './audio-devices.js';
export type { AudioChoice, AudioDevice, AudioDeviceKind, AudioProcessing, CheckCode, CheckItem, CheckItemId, CheckOptions, CheckReport, CheckStatus } from './audio-types.js';
export { checkServerUrl } from './server-url.js';
export { prefetchTelephony } from './lazy-modules.js';
export { Call, checkColorName } from './call.js';
export { PhoneInputError, type InputErrorCode } from './errors.js';
export { describeSipStatus } from './sip-errors.js';
export { memoryStorage, type KeyValueStorage, type PhonePrefs } from './store.js';
export type { WebhookPayload } from './status-webhook.js';
export { CallHistory, type HistoryEntry } from './call-history.js';
export type { BeforeDialHook, BeforeDialRequest, BeforeDialVerdict, LogLevel, PhoneLogger, WrapUp, WrapUpInput } from './types.js';
export type { CallQualitySummary, MediaPath, QualityChange, QualityFigures, QualityWarning } from './call-quality.js';
export type {
  CallEndCause,
  CallEndReason,
  CallOptions,
  CallOutcome,
  CallSnapshot,
  CallState,
  CallTarget,
  CallerIdentity,
  ConnectionReason,
  ConnectionState,
  DtmfMode,
  EndedBy,
  MediaStats,
  PhoneConfig,
  SipCredentials,
  SipCredentialsSource,
  CallRecord,
  StatusWebhookConfig,
  TransferFailure,
  TransferSnapshot,
  MergeProblem,
} from './types.js';

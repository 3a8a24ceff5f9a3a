/**
 * vc-phone: outbound calling from any web page. This entry is free of side effects: it exports
 * the `Phone` controller, the events, the types and the element classes, and defines no custom
 * element (import `vc-phone/vc-phone.js`, or a component's `vc-*.js`, for that). Test doubles
 * and the engine seam they plug into are in `vc-phone/testing`.
 */
// Every export is named on purpose: this list is the package's public API, and
// test/package/public-api.test.mjs fails when it changes (list a new export there too).

// The controller: calls, connection, persistence, and the types they carry.
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
  type AudioChoice,
  type AudioDevice,
  type AudioDeviceKind,
  type AudioDeviceSource,
  type AudioProcessing,
  type CheckCode,
  type CheckItem,
  type CheckItemId,
  type CheckOptions,
  type CheckReport,
  type CheckStatus,
  type CallEndCause,
  type CallEndReason,
  type CallQualitySummary,
  type MediaPath,
  type QualityChange,
  type QualityFigures,
  type QualityWarning,
  type CallOptions,
  type CallOutcome,
  type CallSnapshot,
  type CallState,
  type CallTarget,
  type CallerIdentity,
  type ConnectionReason,
  type ConnectionState,
  type DtmfMode,
  type EndedBy,
  type InputErrorCode,
  type KeyValueStorage,
  type MediaStats,
  type PhoneConfig,
  type PhoneOptions,
  type PhonePrefs,
  type SipCredentials,
  type SipCredentialsSource,
  type CallRecord,
  type StatusWebhookConfig,
  type TransferFailure,
  type TransferSnapshot,
  type MergeProblem,
  type WebhookPayload,
  CallHistory,
  type HistoryEntry,
  type BeforeDialHook,
  type BeforeDialRequest,
  type BeforeDialVerdict,
  type LogLevel,
  type PhoneLogger,
  type WrapUp,
  type WrapUpInput,
} from './phone/index.js';

// Events: the Phone's call facts and what the agent did in an element.
export * from './events/index.js';

// The element classes (no tag defined), the context they find the Phone through, the colour tags.
export {
  VcAudioSettings,
  VcCallBox,
  VcCallList,
  VcColorTag,
  VcDialpad,
  VcMuteButton,
  VcPhone,
  VcPhoneStatus,
  VcPlaceCall,
  VcTransfer,
  VcWrapUp,
  VcCallHistory,
  COLOR_TAGS,
  DIALPAD_KEYS,
  colorLabel,
  formatDuration,
  phoneContext,
} from './components/index.js';

// Words: the shipped locales follow the page's lang; add one with registerLocale(), change words with setStrings().
export { defaultStrings, setStrings, type InputErrorStrings, type OutcomeStrings, type VcStrings } from './i18n/strings.js';
export { registerLocale, SHIPPED_LOCALES } from './i18n/locales.js';
export type { DetailedOutcomeKey, LocaleStrings } from './i18n/locale-types.js';

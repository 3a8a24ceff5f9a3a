/**
 * What a page configures the phone with (`new Phone(config)`, the element's settings): the
 * server, credentials, policies and logging. Re-exported by types.ts with the other public types.
 */
import type { CallerIdentity, CallOptions, CallRecord, CallTarget } from './types.js';

/** HTTP endpoint notified (JSON POST, optional basic auth) of every life-cycle event. */
export interface StatusWebhookConfig {
  url: string;
  username?: string;
  password?: string;
}

export type DtmfMode = 'rfc4733' | 'info';

/**
 * Short-lived credentials: called before each call and again once if they are refused (401/403/407);
 * the result is used for that call only, never stored.
 */
export type SipCredentialsSource = () => Promise<SipCredentials>;

/** SIP digest credentials. Kept in memory only: never logged, stored or rendered. */
export interface SipCredentials {
  username: string;
  password: string;
}

/** Log levels, most talkative first; `off` writes nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Where the phone's (and sip.js's) log lines go. Lines are scrubbed of secrets first. */
export type PhoneLogger = (level: Exclude<LogLevel, 'off'>, message: string) => void;

/** What a `beforeDial` policy is asked about: the checked call, before anything is sent. */
export interface BeforeDialRequest {
  /** What was dialled, as given. */
  to: string;
  /** The checked target (E.164 number and country, or SIP URI). */
  target: CallTarget;
  label?: string;
  record?: CallRecord;
  /** The caller ID chosen for the call (`'anonymous'` when withheld). */
  from?: CallerIdentity | string;
}

/** A policy's answer: allow (`true`, `undefined`, `'allow'`, `{ allow: true }`) or `{ refuse: 'words for the agent' }`. */
export type BeforeDialVerdict = true | undefined | void | 'allow' | { allow: true } | { refuse: string } | false;

/** The CRM's pre-dial policy (do-not-call lists, calling hours, countries); async, with a deadline. */
export type BeforeDialHook = (request: BeforeDialRequest) => BeforeDialVerdict | Promise<BeforeDialVerdict>;

export interface PhoneConfig {
  /** SIP-over-WebSocket server: `wss://...` (`ws://` only for localhost). */
  server?: string;
  /** The agent's SIP address of record, e.g. `sip:agent@example.com`. */
  aor?: string;
  displayName?: string;
  /** SIP digest credentials for the proxy or trunk (answered on 401/407). */
  auth?: SipCredentials | SipCredentialsSource;
  /** DTMF method: RFC 4733 telephone-events in the media (default) or SIP INFO. */
  dtmf?: DtmfMode;
  /** Outbound calling switched on (default) or off. */
  enabled?: boolean;
  /** Why calling is off, shown to the agent when `enabled` is false. */
  disabledReason?: string;
  /** Domain of the Request-URI for dialled numbers (default: the aor's domain). */
  numberDomain?: string;
  /** Full control of the Request-URI for a dialled number; must return a `sip:`/`sips:` URI. */
  numberToUri?: (e164: string) => string;
  /** Default per-call options. */
  defaults?: Omit<CallOptions, 'color' | 'label' | 'record'>;
  /** Status webhook for every call (a call's own option overrides it). */
  statusWebhook?: StatusWebhookConfig;
  /**
   * Only one call hears the agent (default true): answering or taking back a call puts the other
   * connected calls on hold. Off, several connected calls all hear the microphone.
   */
  autoHold?: boolean;
  /**
   * A quiet local ringback tone while the far end rings without sending audio (a 180 without
   * SDP), in the cadence of the dialled number's country (UK, North America, CEPT Europe...).
   * Default true; `false` switches it off. Early media (a 183 with audio) always plays.
   */
  ringback?: boolean;
  /** ICE servers for the media path (default none: the SIP server's media relay does the rest). */
  iceServers?: RTCIceServer[];
  /**
   * How long an answered call carries on while the connection to the SIP server is down and the
   * phone reconnects (ms, default 30000); after that it ends in words. 0 ends calls at once.
   */
  reconnectWindowMs?: number;
  /** `relay` sends media only through the TURN servers of `iceServers` (default `all`). */
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** Namespace of the persisted state (boxes, colours, prefs, webhook outbox). */
  storageKey?: string;
  /**
   * How many finished calls are kept (and survive a reload) until binned; when one more call
   * ends, the call that finished longest ago is dropped (quietly: no `vc-call-removed`, which is
   * the agent's bin). Live calls are never dropped. Default 100.
   */
  maxFinishedCalls?: number;
  /**
   * ISO 3166 country (e.g. `GB`) whose national numbers may be dialled without the country code.
   * Off by default: national numbers are refused with words unless the CRM opts in.
   */
  defaultCountry?: string;
  /** The caller IDs the agent may use; with more than one, the place-call field shows a picker. The first is the default. */
  fromNumbers?: (string | CallerIdentity)[];
  /** The agent may withhold the caller ID (`from: 'anonymous'`). */
  allowAnonymous?: boolean;
  /** Asked before each call (after the phone's own checks); a refusal is shown in words and sent as `vc-input-error`. */
  beforeDial?: BeforeDialHook;
  /** How long `beforeDial` may take (ms, default 5000); no answer in time refuses the call. */
  beforeDialTimeoutMs?: number;
  /** How many entries `phone.history` keeps (default 200). */
  maxHistory?: number;
  /** Disposition codes the agent chooses from after a call (e.g. Interested, Call back, Wrong number). */
  dispositions?: string[];
  /** Offer a wrap-up after each call (notes and disposition); on when `dispositions` are given. */
  wrapUp?: boolean;
  /** Seconds the agent has for the wrap-up; when they run out, what was entered is saved (default: no timer). */
  wrapUpSeconds?: number;
  /** How much the phone (and sip.js) logs: `debug`, `info`, `warn` (default), `error` or `off`. */
  logLevel?: LogLevel;
  /** Where log lines go (default the console). Secrets never reach it. */
  logger?: PhoneLogger;
}

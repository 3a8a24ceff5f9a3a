/**
 * The seam between the `Phone` and the signalling stack. The real engine (sip-engine.ts, loaded
 * with a dynamic import) drives sip.js; the public fake phone drives a scripted one. Everything
 * above this seam (validation, call state, events, persistence, webhook) is the same code in both.
 * The `Phone` talks to either through a `LazyEngine`, which loads it and holds what the agent
 * does before a call's INVITE is out.
 * @internal
 */
import type { CallQualitySummary, QualityChange } from './call-quality.js';
import type { CallEndCause, CallEndReason, ConnectionReason, ConnectionState, DtmfMode, EndedBy, LogLevel, MediaStats, PhoneLogger, SipCredentials, SipCredentialsSource } from './types.js';

/** What the engine needs to know about the account. */
export interface EngineConfig {
  server: string;
  aor: string;
  /** Already escaped for the inside of a quoted-string. */
  displayName?: string;
  auth?: SipCredentials | SipCredentialsSource;
  iceServers: RTCIceServer[];
  iceTransportPolicy: RTCIceTransportPolicy;
  /** How long an answered call carries on without its signalling connection (ms). */
  reconnectWindowMs: number;
  /** The phone's log (level-filtered and scrubbed of secrets); sip.js writes through it. */
  log?: PhoneLogger;
  logLevel?: LogLevel;
}

/** One outbound call, validated and encoded: safe to put on the wire as it is. */
export interface OutboundRequest {
  /** Request-URI. */
  uri: string;
  fromUri?: string;
  /** Already escaped for the inside of a quoted-string. */
  fromDisplayName?: string;
  /** Complete header lines (`Name: value`), already validated and encoded. */
  extraHeaders: string[];
  dtmf: DtmfMode;
  /**
   * A local ringback tone while the far end rings without sending audio (180 without SDP), in the
   * cadence of the dialled number's country (ISO 3166); `false`: no tone.
   */
  ringback?: { country?: string } | false;
}

/** Two calls' audio mixed together (a merge); `split` gives each call its own audio back. */
export interface MergedAudio {
  split(): Promise<void>;
}

/** What a session reports back to its `Call`. `ended` is reported exactly once and is final. */
export interface SessionListener {
  inviteSent(sipCallId: string): void;
  progress(status: number, earlyMedia: boolean): void;
  answered(): void;
  dtmfSent(digit: string, method: DtmfMode): void;
  /** The signalling connection dropped under the answered call (media flows on), or is back. */
  signallingInterrupted(interrupted: boolean): void;
  /** The other party put the call on hold (re-INVITE `a=sendonly`/`a=inactive`), or took it back. */
  remoteHoldChanged(held: boolean): void;
  ended(endedBy: EndedBy, reason: CallEndReason, sipStatus?: number, message?: string, cause?: CallEndCause): void;
  /** A quality warning was raised or cleared (call-quality.ts). */
  qualityChanged?(change: QualityChange): void;
  /** The agent talks while muted (the microphone's level), or stopped. */
  talkingWhileMuted?(talking: boolean): void;
  /** The call's quality figures, reported just before `ended` (answered calls only). */
  qualitySummary?(summary: CallQualitySummary): void;
}

export interface OutboundSession {
  /** CANCEL before the answer, BYE after; nothing is sent if the INVITE has not left yet. */
  hangup(): void;
  setMicrophoneEnabled(enabled: boolean): void;
  /** Queues digits; they go out in order, none dropped. */
  sendDtmf(digits: string): void;
  /**
   * Puts the call on hold (re-INVITE offering `a=sendonly`, microphone and far-end audio off) or
   * takes it back (`a=sendrecv`). Resolves once the other side accepted; rejects with words (and
   * the call unchanged) when it refused, or did not answer in time.
   */
  hold(held: boolean): Promise<void>;
  /** Audio statistics, once media is set up. */
  mediaStats(): Promise<MediaStats | undefined>;
  /**
   * Transfers the other party (REFER): to an address, or (attended) to the agent's consult call.
   * `accepted` is called once the other side accepted the REFER (202). Resolves once the new call
   * succeeded (a 2xx sipfrag); rejects with words otherwise. The call itself is left as it is.
   */
  transfer?(to: TransferTo, accepted: () => void): Promise<void>;
  /**
   * Mixes this call's audio with another answered call's (same engine): each far end hears the
   * agent and the other party. Rejects with words when either has no audio yet.
   */
  mergeAudio?(other: OutboundSession): Promise<MergedAudio>;
  /** The microphone's level for a meter (0-1), while the call is answered; undefined when unknown. */
  inputLevel?(): number | undefined;
}

/** Where a transfer sends the other party: a validated SIP URI, or the agent's connected consult call. */
export type TransferTo = { uri: string; display: string } | { consult: OutboundSession; display: string };

/** The agent's audio choice, read by the engine whenever it opens the microphone or plays audio (`phone.audio`). */
export interface EngineMedia {
  /** getUserMedia's audio constraints: the chosen microphone (exact) and the voice processing. */
  microphoneConstraints(): MediaTrackConstraints;
  /** The output calls play on (`''`: the system default). */
  speakerId(): string;
  /** The output vc-phone's own tones play on (`''`: the system default). */
  ringerId(): string;
  /** The chosen microphone could not be opened: the engine used the default instead. */
  microphoneUnavailable(id: string): void;
}

export interface EngineHost {
  config: EngineConfig;
  /** The agent's audio choice (absent: the browser's defaults). */
  media?: EngineMedia;
  /**
   * The connection changed; while reconnecting, `retryAt` says when the next attempt is due (epoch
   * ms). With `message` (English words), `reason` says why for a program and for translated words.
   */
  connectionChanged(state: ConnectionState, message?: string, retryAt?: number, reason?: ConnectionReason): void;
}

export interface TelephonyEngine {
  /** Connects to the server (idempotent); rejects with words if it can't. */
  connect(): Promise<void>;
  /** Gets everything ready for a fast first call: connection, microphone, media stack. */
  prewarm(): Promise<void>;
  /**
   * Gets what one call needs before its INVITE can leave (the connection, the microphone).
   * Rejects with a {@link CallStartError} saying why the call can't start.
   */
  prepareCall(): Promise<void>;
  /**
   * Sends the INVITE now (once `prepareCall` has resolved) and returns its session, which
   * reports to `listener` from then on.
   */
  placeCall(request: OutboundRequest, listener: SessionListener): OutboundSession;
  dispose(): Promise<void>;
  /**
   * The agent's audio choice changed: live calls switch to the new microphone (its track is
   * replaced, no re-INVITE) or output, and the next call's offer made ahead is remade.
   */
  audioChanged?(what: 'microphone' | 'speaker'): Promise<void>;
}

/** Makes the engine for one account (the Phone calls it once per account, when a call needs it). */
export type EngineFactory = (host: EngineHost) => Promise<TelephonyEngine>;

/** Why a call could not start: the outcome's reason, and its words when the reason's own don't say enough. */
export class CallStartError extends Error {
  constructor(
    readonly reason: CallEndReason,
    readonly words?: string,
  ) {
    super(words ?? reason);
  }
}

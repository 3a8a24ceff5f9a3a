/**
 * The seam between the `Phone` and the signalling stack. The real engine (sip-engine.ts, loaded
 * with a dynamic import) drives sip.js; the public fake phone drives a scripted one. Everything
 * above this seam (validation, call state, events, persistence, webhook) is the same code in both.
 * @internal
 */
import type { CallEndReason, ConnectionState, DtmfMode, EndedBy, MediaStats, SipCredentials } from './types.js';

/** What the engine needs to know about the account. */
export interface EngineConfig {
  server: string;
  aor: string;
  /** Already escaped for the inside of a quoted-string. */
  displayName?: string;
  auth?: SipCredentials;
  iceServers: RTCIceServer[];
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
}

/** What a session reports back to its `Call`. `ended` is reported exactly once and is final. */
export interface SessionListener {
  inviteSent(sipCallId: string): void;
  progress(status: number, earlyMedia: boolean): void;
  answered(): void;
  dtmfSent(digit: string, method: DtmfMode): void;
  ended(endedBy: EndedBy, reason: CallEndReason, sipStatus?: number, message?: string): void;
}

export interface OutboundSession {
  /** CANCEL before the answer, BYE after; nothing is sent if the INVITE has not left yet. */
  hangup(): void;
  setMicrophoneEnabled(enabled: boolean): void;
  /** Queues digits; they go out in order, none dropped. */
  sendDtmf(digits: string): void;
  /** Audio statistics, once media is set up. */
  mediaStats(): Promise<MediaStats | undefined>;
}

export interface EngineHost {
  config: EngineConfig;
  connectionChanged(state: ConnectionState, message?: string): void;
}

export interface TelephonyEngine {
  /** Connects to the server (idempotent); rejects with words if it can't. */
  connect(): Promise<void>;
  /** Gets everything ready for a fast first call: connection, microphone, media stack. */
  prewarm(): Promise<void>;
  placeCall(request: OutboundRequest, listener: SessionListener): OutboundSession;
  dispose(): Promise<void>;
}

export type EngineFactory = (host: EngineHost) => Promise<TelephonyEngine>;

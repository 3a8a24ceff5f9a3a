/**
 * Public types of the telephony controller. No sip.js type appears here (or anywhere in the
 * public API): integrators depend on these shapes only. The configuration's own are in config-types.ts.
 */
import type { StatusWebhookConfig } from './config-types.js';

export type * from './config-types.js';

/** Life-cycle of one outbound call. `ended` and `failed` are final. */
export type CallState = 'dialing' | 'ringing' | 'early-media' | 'connected' | 'ended' | 'failed';

/** Who ended a call: the agent (or code on their page), the far end, or the system (network, reload, error). */
export type EndedBy = 'local' | 'remote' | 'system';

/** Machine-readable reason a call ended or failed. */
export type CallEndReason =
  | 'hangup'
  | 'cancelled'
  | 'busy'
  | 'declined'
  | 'not-found'
  | 'no-answer'
  | 'unavailable'
  | 'auth-failed'
  | 'media-not-acceptable'
  | 'server-error'
  | 'rejected'
  | 'connection-lost'
  | 'media-failed'
  | 'microphone-denied'
  | 'no-microphone'
  | 'insecure-context'
  | 'reload'
  /** The agent handed the call to someone else (blind or attended transfer that went through). */
  | 'transferred'
  | 'error';

/**
 * What exactly ended a call, where one `reason` covers situations the agent must tell apart
 * (`CallOutcome.cause`). More may be added in a minor release: treat an unknown one as absent.
 * - `answer-unusable`: the far end answered (200 OK), but with no audio the browser could use
 *   (reason `media-failed`: an answer without SDP, or SDP the browser refused, also after a
 *   ringing that declined the audio), so it was hung up.
 * - `audio-removed`: reason `media-not-acceptable`: the far end removed the audio from the
 *   answered call (a re-INVITE with audio port 0), so it was hung up.
 * - `server-timeout`: reason `no-answer`: the SIP server itself sent nothing back to the INVITE
 *   for 32 s (check the connection), rather than the person called not picking up.
 * - `tab-closed`: reason `reload`: with tabs shared, the browser tab that held the call was closed
 *   or reloaded (seen from another tab of the phone), rather than this page reloading.
 */
export type CallEndCause = 'answer-unusable' | 'audio-removed' | 'server-timeout' | 'tab-closed';

/** How a call ended: who, why (code and words), and the SIP status when there was one. */
export interface CallOutcome {
  endedBy: EndedBy;
  reason: CallEndReason;
  /**
   * The situation within `reason`, where the reason alone would mislead (see `CallEndCause`);
   * absent otherwise. Translations key their words by `reason:cause` (`OutcomeStrings`).
   */
  cause?: CallEndCause;
  /** A sentence for the agent, e.g. "The line is busy." */
  message: string;
  /** The final SIP status that ended the call, if any (486, 404...). */
  sipStatus?: number;
}

/** A parsed, validated call target. */
export interface CallTarget {
  /** `number` for an E.164 number (typed or from a `tel:` URI), `sip` for a `sip:`/`sips:` URI. */
  kind: 'number' | 'sip';
  /** What to show the agent: the number in international format, or the SIP URI. */
  display: string;
  /** E.164 form (`+442079460958`) for numbers. */
  e164?: string;
  /** ISO 3166 country of the number, when known. */
  country?: string;
  /** The SIP URI the INVITE is addressed to. */
  uri: string;
}

/** The calling identity shown to the far end (From and P-Asserted-Identity). */
export interface CallerIdentity {
  displayName?: string;
  /** `sip:`/`sips:`/`tel:` URI, or an international number. */
  uri?: string;
}

/** JSON a CRM attaches to a call and gets back with its events (at most 4 KB once serialised). */
export type CallRecord = string | number | boolean | null | CallRecord[] | { [key: string]: CallRecord };

/** Per-call options; every one of them is visible on the wire. */
export interface CallOptions {
  /**
   * Calling identity (From display name and URI, P-Asserted-Identity); one of `fromNumbers` when
   * the phone has that list, or `'anonymous'` (withheld: anonymous From and `Privacy: id`) where
   * `allowAnonymous` is set.
   */
  from?: CallerIdentity | string;
  /** Name/value pairs sent with the INVITE as `X-VC-<Name>` headers. */
  context?: Record<string, string | number | boolean>;
  /** SIP `Route` URIs pre-loaded into the INVITE (array or comma-separated string). */
  route?: string[] | string;
  /** Further headers: `X-` names, or one of Subject, Priority, Organization, Call-Info, Alert-Info, User-to-User. */
  headers?: Record<string, string>;
  /** Overrides the phone's status webhook for this call. */
  statusWebhook?: StatusWebhookConfig;
  /** Initial colour tag of the call's box. */
  color?: string;
  /** The contact's name, for the box title, events, webhook and history. Never sent on the wire. */
  label?: string;
  /** Anything (JSON) the CRM wants back with every event of this call: a record id, a type. Never sent on the wire. */
  record?: CallRecord;
}

/** What the agent gives after a call. */
export interface WrapUpInput {
  notes?: string;
  /** One of the phone's `dispositions` (when it has a list). */
  disposition?: string;
  /** @internal Set by the wrap-up timer when it ran out. */
  timedOut?: boolean;
}

/** A call's after-call work, as carried in `vc-call-wrapped-up`, the webhook and the history. */
export interface WrapUp {
  notes?: string;
  disposition?: string;
  /** Epoch ms when the wrap-up was done. */
  wrappedUpAt: number;
  /** Time from the end of the call to the wrap-up (ms). */
  afterCallMs?: number;
  /** The wrap-up timer ran out (what was entered by then was saved). */
  timedOut?: boolean;
}

/** Connection to the SIP server. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/**
 * Why the phone is not connected, for a program and for words in the page's language
 * (`connectionMessage` says it in English, for logs and developers):
 * - `lost`: the open connection dropped; reconnecting (with backoff).
 * - `unreachable`: an attempt to connect failed or timed out; retrying (with backoff).
 * - `paused`: down while the page is hidden and no call is live; reconnects when the page is shown.
 * - `blocked`: the page's Content-Security-Policy (`connect-src`) blocks the server; retrying won't help.
 *
 * Undefined while connected or connecting, and when the connection was closed on purpose.
 */
export type ConnectionReason = 'lost' | 'unreachable' | 'paused' | 'blocked';

/** Audio statistics of a call's media path (from WebRTC getStats). */
export interface MediaStats {
  sent: { packets: number; bytes: number };
  received: { packets: number; bytes: number; lost: number; jitterMs?: number; audioLevel?: number };
  /** Round-trip time to the media relay, when known. */
  roundTripMs?: number;
}

/** A plain, serialisable picture of a call: what events carry and what is persisted. */
export interface CallSnapshot {
  id: string;
  target: CallTarget;
  from?: CallerIdentity;
  state: CallState;
  muted: boolean;
  color?: string;
  /** The contact's name the call was placed with. */
  label?: string;
  /** The CRM's own data for this call, as given to `phone.call()`. */
  record?: CallRecord;
  /** Epoch ms when the agent placed the call. */
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  /** Talk time in ms (answered to ended, or to now while connected). */
  durationMs: number;
  outcome?: CallOutcome;
  /** The SIP Call-ID, once the INVITE has been sent (for correlating with server logs). */
  sipCallId?: string;
  /** True for a box restored from storage after a reload (no live session behind it). */
  restored?: boolean;
  /** This side put the call on hold. */
  held?: boolean;
  /** The signalling connection is down under this connected call (its audio flows on). */
  reconnecting?: boolean;
  /** The other party put the call on hold. */
  heldByRemote?: boolean;
  /** Epoch ms since when the call is on hold (either side). */
  holdStartedAt?: number;
  /** The agent's after-call work, once done. */
  wrapUp?: WrapUp;
  /** The id of the call this one is merged with (`phone.merge`). */
  mergedWith?: string;
  /** The latest transfer of this call: where to, and how far it got (a failure says why). */
  transfer?: TransferSnapshot;
  /** This call is the agent's consult call for an attended transfer of the call with this id. */
  consultFor?: string;
}

/** A transfer of a call, as `vc-call-transfer` and the call's snapshot say it. */
export interface TransferSnapshot {
  /** `requested` (REFER sent), `accepted` (202), `failed` (the call is still here), `completed` (the call was handed over). */
  state: 'requested' | 'accepted' | 'failed' | 'completed';
  /** `blind` (to an address) or `attended` (joined with the agent's consult call). */
  kind: 'blind' | 'attended';
  /** What the call is transferred to, as the agent sees it (a number in international format, or a SIP address). */
  to: string;
  /** Why it failed, in words (failed only; English, for developers and logs). */
  message?: string;
  /** Why it failed, for a program and for words in the page's language (failed only; see `TransferFailure`). */
  reason?: TransferFailure;
  /** The SIP status behind `reason` (`refused`: the REFER's answer; `target-failed`: the new call's, from the NOTIFY). */
  sipStatus?: number;
}

/**
 * Why a transfer failed: `refused` (the other side answered the REFER with an error, `sipStatus`),
 * `target-failed` (it accepted, but the transferee's new call failed, `sipStatus`), `unconfirmed`
 * (no outcome within the deadline), `unreported` (the other side stopped reporting before an
 * outcome), `not-sent` (the REFER could not be built or sent). The call is still connected.
 */
export type TransferFailure = 'refused' | 'target-failed' | 'unconfirmed' | 'unreported' | 'not-sent';

/**
 * Why `phone.merge` / `phone.split` refused (the error's `problem`, next to its English `message`):
 * `same-call` (a call with itself), `not-connected` (both calls must be connected),
 * `already-merged` (split it first), `not-merged` (split of a call that is not merged), `failed`
 * (the audio could not be joined; nothing changed).
 */
export type MergeProblem = 'same-call' | 'not-connected' | 'already-merged' | 'not-merged' | 'failed';

/**
 * What the tabs of one phone (one storage key) say to each other over their BroadcastChannel.
 * The leader tab holds the calls and says how they are (`state`, after every change, with the
 * facts that happened); the other tabs ask it to act (`command`) and get a `reply`.
 * @internal
 */
import type { CallEventDetail } from '../../events/call-lifecycle-events.js';
import type { CallQualitySummary, QualityChange } from '../call-quality.js';
import type { CallEndCause, CallSnapshot, ConnectionReason, ConnectionState } from '../types.js';

/** A call as the leader sees it, with what its snapshot leaves out. */
export interface CallView {
  call: CallSnapshot;
  hangingUp: boolean;
  changingHold: boolean;
  quality: QualityChange[];
  talkingWhileMuted: boolean;
  qualitySummary?: CallQualitySummary;
}

/** A life-cycle fact the leader's phone dispatched (`vc-call-*`, `vc-call-removed`). */
export interface FactNote {
  name: string;
  detail: CallEventDetail;
}

export interface TabConnection {
  state: ConnectionState;
  message?: string;
  /** The leader's reason code, so a follower's status says it in its own page's language. */
  reason?: ConnectionReason;
  retryAt?: number;
}

/** What a follower can ask the leader to do (`id`: the call it is about). */
export type CommandOp = 'call' | 'hangup' | 'mute' | 'dtmf' | 'color' | 'hold' | 'resume' | 'remove' | 'stats' | 'connect' | 'prewarm';

/** Words of a refusal, enough to throw the same error in the asking tab. */
export interface ReplyError {
  message: string;
  code?: string;
  field?: string;
}

export type TabMessage =
  | { kind: 'hello' }
  | { kind: 'state'; calls: CallView[]; connection: TabConnection; facts: FactNote[] }
  | { kind: 'command'; requestId: string; op: CommandOp; id?: string; args?: unknown[] }
  | { kind: 'reply'; requestId: string; result?: unknown; error?: ReplyError };

/**
 * The channel and lock names of one phone: per storage key and account (as the phone was made),
 * so the phones of two agents, or of two accounts, never share a connection.
 */
export function tabNames(storageKey = 'default', aor = ''): { channel: string; lock: string } {
  const scope = aor ? `${storageKey}:${aor}` : storageKey;
  return { channel: `vc-phone:tabs:v1:${scope}`, lock: `vc-phone:leader:v1:${scope}` };
}

/** How live calls end when their page goes away other than by a plain reload: in words, with a cause. */
export interface CallCut {
  message: string;
  cause: CallEndCause;
}
/** A call whose tab went away while it was live (the far end was sent a BYE if the tab could). */
export const LEADER_CLOSED: CallCut = { message: 'The browser tab that held the call was closed or reloaded, so the call ended.', cause: 'tab-closed' };
/** Words for a command no leader answered in time. */
export const NO_LEADER_WORDS = 'The browser tab that holds the phone did not answer. Try again in a moment.';

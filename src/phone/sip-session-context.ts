/**
 * What a `SipSession` needs of its engine (the engine implements it; unit tests stand in for it).
 * @internal
 */
import type { Inviter, UserAgent } from 'sip.js';
import type { EngineMedia } from './engine.js';
import type { SipSession } from './sip-session.js';

export interface SessionContext {
  readonly userAgent: UserAgent;
  readonly iceServers: RTCIceServer[];
  /** The session is over (the engine forgets it). */
  sessionEnded(session: SipSession): void;
  /** The connection dropped under the call: the far end is told once it is back. */
  hangUpWhenReconnected(inviter: Inviter): void;
  /** Overrides the 32 s request deadline (tests). */
  readonly requestDeadlineMs?: number;
  /** With short-lived credentials: fetches fresh ones (the call's were refused). */
  readonly refreshCredentials?: () => Promise<void>;
  /** The agent's audio choice (phone.audio). */
  readonly media?: EngineMedia;
}


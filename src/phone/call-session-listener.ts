/**
 * How a call hears its engine session: each report (INVITE sent, progress, answer, DTMF sent,
 * signalling interrupted, remote hold, quality, the end) moves the call's progress and is told as a
 * fact. Reports after the call's end change nothing.
 * @internal
 */
import type { CallFact } from './call-facts.js';
import type { CallQualityState } from './call-quality-state.js';
import { holdMoved, type CallProgress } from './call-progress.js';
import type { SessionListener } from './engine.js';
import { outcome as makeOutcome, outcomeForStatus } from './sip-errors.js';
import type { CallOutcome, CallState } from './types.js';

/** The call, as its session's reports move it. */
export interface ListeningCall {
  readonly progress: CallProgress;
  readonly quality: CallQualityState;
  /** The call is over: reports change nothing any more. */
  isFinal(): boolean;
  changed(fact?: CallFact): void;
  finish(state: 'ended' | 'failed', result: CallOutcome): void;
}

export function sessionListener(call: ListeningCall): SessionListener {
  const { progress, quality } = call;
  return {
    inviteSent: (sipCallId) => {
      progress.sipCallId = sipCallId;
      call.changed();
    },
    progress: (status, earlyMedia) => {
      if (call.isFinal() || progress.state === 'connected') return;
      const next: CallState = earlyMedia ? 'early-media' : 'ringing';
      if (next === progress.state || status < 180) return;
      progress.state = next;
      call.changed({ type: 'ringing', earlyMedia });
    },
    answered: () => {
      if (call.isFinal() || progress.state === 'connected') return;
      progress.state = 'connected';
      progress.answeredAt = Date.now();
      call.changed({ type: 'answered' });
    },
    dtmfSent: (digit, method) => {
      if (!call.isFinal()) call.changed({ type: 'dtmf', digit, method });
    },
    signallingInterrupted: (interrupted) => {
      if (call.isFinal() || interrupted === progress.reconnecting) return;
      progress.reconnecting = interrupted;
      call.changed();
    },
    remoteHoldChanged: (held) => {
      if (call.isFinal() || held === progress.heldByRemote) return;
      progress.heldByRemote = held;
      holdMoved(progress);
      call.changed({ type: held ? 'held' : 'resumed', by: 'remote' });
    },
    qualityChanged: (change) => {
      if (call.isFinal() || !quality.take(change)) return;
      call.changed({ type: 'quality', ...change });
    },
    talkingWhileMuted: (talking) => {
      if (call.isFinal() || talking === quality.talking) return;
      quality.talking = talking;
      call.changed();
    },
    qualitySummary: (summary) => {
      if (!call.isFinal()) quality.summary = summary;
    },
    ended: (endedBy, reason, sipStatus, message, cause) => {
      if (call.isFinal()) return;
      const wasAnswered = progress.answeredAt !== undefined;
      let result: CallOutcome;
      if (sipStatus !== undefined && sipStatus >= 300 && !(reason === 'cancelled' && endedBy === 'local')) {
        result = outcomeForStatus(sipStatus);
      } else {
        result = makeOutcome(endedBy, reason, sipStatus, message, cause);
      }
      // A call the agent cancelled, or one that was answered, "ended"; anything else "failed".
      const state: CallState = wasAnswered || (endedBy === 'local' && (reason === 'cancelled' || reason === 'hangup')) ? 'ended' : 'failed';
      call.finish(state, result);
    },
  };
}

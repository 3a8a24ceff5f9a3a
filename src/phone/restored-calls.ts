/**
 * Calls brought back from storage: after a reload, or when a tab takes the calls over from a
 * leader tab that closed. Finished calls come back as they were; live ones (their page went
 * away) come back ended, in the given words or as "ended by the reload".
 * @internal
 */
import { Call } from './call.js';
import { withoutOldestFinished } from './finished-calls.js';
import { outcome } from './sip-errors.js';
import type { CallSnapshot } from './types.js';
import type { CallCut } from './tabs/tab-protocol.js';

const isFinal = (call: Pick<CallSnapshot, 'state'>) => call.state === 'ended' || call.state === 'failed';

export interface RestoreOptions {
  /** At most this many finished calls (the newest). */
  maxFinished: number;
  /** When the stored state was written (a cut call ended no later than this). */
  savedAt: number;
  /** Only the finished calls (what any tab may show before it knows whether it leads). */
  finishedOnly?: boolean;
  /** How the live calls cut end (default: in the reload's words, with no cause). */
  cut?: CallCut;
  /** Calls already shown, left out. */
  skip?: (id: string) => boolean;
}

/** The restored calls (in stored order), and which of them were live and are cut now. */
export function restoreCalls(stored: readonly CallSnapshot[], options: RestoreOptions): { calls: Call[]; cut: Call[] } {
  const calls: Call[] = [];
  const cut: Call[] = [];
  // Capped before any Call is made: thousands of stored calls must not cost a long task.
  const kept = withoutOldestFinished(stored, options.maxFinished, () => true);
  for (const snapshot of kept) {
    const final = isFinal(snapshot);
    if ((options.finishedOnly && !final) || options.skip?.(snapshot.id)) continue;
    const restored = new Call({
      snapshot: final ? snapshot : { ...snapshot, state: 'ended', endedAt: options.savedAt, outcome: outcome('system', 'reload', undefined, options.cut?.message, options.cut?.cause) },
    });
    if (!final) cut.push(restored);
    calls.push(restored);
  }
  return { calls, cut };
}

/**
 * The stored calls with the calls a follower tab last saw of its leader: the newer word wins
 * (a call that ended in either stays ended). Newest first.
 */
export function withMirrors(stored: readonly CallSnapshot[], mirrors: readonly CallSnapshot[]): CallSnapshot[] {
  const byId = new Map(stored.map((call) => [call.id, call]));
  for (const mirror of mirrors) {
    const known = byId.get(mirror.id);
    if (!known || (!isFinal(known) && isFinal(mirror))) byId.set(mirror.id, mirror);
  }
  return [...byId.values()].sort((a, b) => b.startedAt - a.startedAt);
}

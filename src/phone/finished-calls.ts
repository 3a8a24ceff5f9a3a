/**
 * The cap on finished calls kept: thousands of stored boxes took seconds to mount and froze the
 * page. Which ones go: the calls that finished longest ago; live calls always stay.
 * @internal
 */
import type { CallSnapshot } from './types.js';

type Finishable = Pick<CallSnapshot, 'startedAt' | 'endedAt'>;

/**
 * Returns `items` (in their order) without the finished ones beyond the newest `max`.
 * `finished` says which items are over; their age is their end (or start) time.
 */
export function withoutOldestFinished<T extends Finishable>(items: readonly T[], max: number, finished: (item: T) => boolean): T[] {
  const done = items.filter(finished);
  if (done.length <= max) return [...items];
  const finishedAt = (item: T) => item.endedAt ?? item.startedAt;
  const dropped = new Set([...done].sort((a, b) => finishedAt(b) - finishedAt(a)).slice(max));
  return items.filter((item) => !dropped.has(item));
}

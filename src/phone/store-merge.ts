/**
 * Several writers on one storage key (two tabs, or a tab and its frame): each save merges what
 * it holds into what is stored instead of replacing it, per call id and per outbox delivery id.
 * An entry this writer never knew is another writer's and stays; one it knew and no longer holds
 * was removed by it (binned, dropped by the cap, delivered) and goes.
 * @internal
 */

/** The ids one writer has loaded or saved, per list. */
export interface KnownIds {
  calls: Set<string>;
  outbox: Set<string>;
}

/** `ours` (in its order), then the stored entries of other writers. */
export function mergeById<T extends { id: string }>(ours: readonly T[], stored: readonly T[], known: ReadonlySet<string>): T[] {
  const held = new Set(ours.map((item) => item.id));
  return [...ours, ...stored.filter((item) => !held.has(item.id) && !known.has(item.id))];
}

/** Remembers the ids of entries this writer holds (so a later save can tell its removals). */
export function remember(known: Set<string>, items: readonly { id: string }[]): void {
  for (const item of items) known.add(item.id);
}

/**
 * The agent's call history (`phone.history`): one entry per finished call, newest first, capped
 * (`maxHistory`, default 200). It is kept apart from the call boxes (binning a box keeps its
 * history entry) under a storage key per agent (the aor), so two agents sharing a browser
 * profile do not see each other's calls; `clear()`, `phone.clearStorage()` and
 * `phone.signOut()` erase it, in memory and in storage.
 */
import type { CallerIdentity, CallOutcome, CallRecord, CallSnapshot, CallTarget, WrapUp } from './types.js';
import { parseStoredJson, readStoredJson, type KeyValueStorage } from './store.js';

/** Entries kept when the configuration does not say. */
export const DEFAULT_MAX_HISTORY = 200;

/** One finished call, as the history keeps it. */
export interface HistoryEntry {
  /** The call's id (the same as in its events). */
  id: string;
  /** Who was called, as shown: the contact's name, else the number or address. */
  party: string;
  /** What to dial to call again (E.164 number or SIP URI). */
  to: string;
  target: CallTarget;
  label?: string;
  record?: CallRecord;
  from?: CallerIdentity;
  /** Always `outbound` (the phone places calls). */
  direction: 'outbound';
  /** Epoch ms when the call was placed. */
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  /** Talk time in ms (0 when unanswered). */
  durationMs: number;
  outcome?: CallOutcome;
  color?: string;
  wrapUp?: WrapUp;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isEntry(value: unknown): value is HistoryEntry {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.party === 'string' &&
    typeof value.to === 'string' &&
    isObject(value.target) &&
    typeof value.target.display === 'string' &&
    typeof value.startedAt === 'number' &&
    Number.isFinite(value.startedAt) &&
    typeof value.durationMs === 'number'
  );
}

/** The history entry of a finished call. */
export function historyEntry(call: CallSnapshot): HistoryEntry {
  const entry: HistoryEntry = {
    id: call.id,
    party: call.label || call.target.display,
    to: call.target.e164 ?? call.target.uri,
    target: call.target,
    direction: 'outbound',
    startedAt: call.startedAt,
    durationMs: call.durationMs,
  };
  if (call.label !== undefined) entry.label = call.label;
  if (call.record !== undefined) entry.record = call.record;
  if (call.from) entry.from = call.from;
  if (call.answeredAt !== undefined) entry.answeredAt = call.answeredAt;
  if (call.endedAt !== undefined) entry.endedAt = call.endedAt;
  if (call.outcome) entry.outcome = call.outcome;
  if (call.color) entry.color = call.color;
  if (call.wrapUp) entry.wrapUp = call.wrapUp;
  return entry;
}

/** The storage key of one agent's history in one namespace. */
export function historyKey(namespace: unknown, agent: unknown): string {
  // Read before the configuration is checked (a wrong type is refused with words at the first call).
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  return `vc-phone:history:v1:${text(namespace) || 'default'}:${text(agent).toLowerCase() || 'no-agent'}`;
}

/**
 * The finished calls of one agent, newest first. Fires `change` when it changes.
 *
 * Tabs of one phone share it: only the tab that holds the calls (the leader, or a tab on its own)
 * writes it, and every tab takes the others' writes from the `storage` event. A follower writing
 * its own copy back could otherwise bring back what another tab cleared (`signOut()` included).
 */
export class CallHistory extends EventTarget {
  private _entries: HistoryEntry[] = [];
  private key: string;
  /** Calls whose entry another tab has written: a follower takes those from that tab only. */
  private readonly writtenElsewhere = new Set<string>();

  /** @internal `writes`: whether this tab writes the history (false while it follows a leader). */
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly namespace: unknown,
    agent: unknown,
    private max: number = DEFAULT_MAX_HISTORY,
    private readonly writes: () => boolean = () => true,
  ) {
    super();
    // A wrong type from a constructor's config (refused with words at the first call) keeps the default.
    if (!(Number.isSafeInteger(max) && max >= 0)) this.max = DEFAULT_MAX_HISTORY;
    this.key = historyKey(namespace, agent);
    this.load(readStoredJson(this.storage, this.key));
    globalThis.addEventListener?.('storage', this.onOtherTabWrote);
  }

  /** @internal Stops following the other tabs' writes (the phone is disposed). */
  dispose(): void {
    globalThis.removeEventListener?.('storage', this.onOtherTabWrote);
  }

  /** Every entry, newest first. */
  get entries(): readonly HistoryEntry[] {
    return this._entries;
  }
  get length(): number {
    return this._entries.length;
  }
  [Symbol.iterator](): Iterator<HistoryEntry> {
    return this._entries[Symbol.iterator]();
  }
  /** What `JSON.stringify(phone.history)` shows. */
  toJSON(): HistoryEntry[] {
    return [...this._entries];
  }

  /** Forgets every entry, here and in storage. */
  clear(): void {
    this._entries = [];
    try {
      this.storage.removeItem(this.key);
    } catch {
      /* nothing stored */
    }
    this.dispatchEvent(new Event('change'));
  }

  /** @internal Adds (or updates) the entry of a finished call. */
  add(call: CallSnapshot): void {
    // A follower shows a call it mirrors until the leader's write of it arrives; from then on the
    // leader's copy is the one, so a late update of the mirror can't bring back a cleared entry.
    if (!this.writes() && this.writtenElsewhere.has(call.id)) return;
    const entry = historyEntry(call);
    const others = this._entries.filter((existing) => existing.id !== entry.id);
    this._entries = [entry, ...others].sort((a, b) => b.startedAt - a.startedAt).slice(0, this.max);
    this.save();
    this.dispatchEvent(new Event('change'));
  }

  /** @internal The cap changed. */
  setMax(max: number): void {
    this.max = max;
    if (this._entries.length <= max) return;
    this._entries = this._entries.slice(0, max);
    this.save();
    this.dispatchEvent(new Event('change'));
  }

  /** @internal Another agent signed in: their history (and only theirs) is shown. */
  switchAgent(agent: unknown): void {
    const key = historyKey(this.namespace, agent);
    if (key === this.key) return;
    this.key = key;
    this.load(readStoredJson(this.storage, this.key));
    this.dispatchEvent(new Event('change'));
  }

  /** Another tab wrote this agent's history, or cleared the storage: take its value (the event carries it). */
  private readonly onOtherTabWrote = (event: Event): void => {
    const { key, newValue, storageArea } = event as StorageEvent;
    if (storageArea !== this.storage || (key !== null && key !== this.key)) return;
    this.load(key === null ? undefined : parseStoredJson(newValue));
    for (const entry of this._entries) this.writtenElsewhere.add(entry.id);
    this.dispatchEvent(new Event('change'));
  };

  /** Takes the stored entries: from storage, or from another tab's write (absent, unreadable or corrupt: none). */
  private load(data: unknown): void {
    this._entries = Array.isArray(data) ? data.filter(isEntry).slice(0, this.max) : [];
  }

  private save(): void {
    if (!this.writes()) return;
    try {
      this.storage.setItem(this.key, JSON.stringify(this._entries));
    } catch {
      // Quota or privacy mode: the history lives in memory only.
    }
  }
}

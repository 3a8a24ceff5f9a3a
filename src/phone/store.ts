/**
 * What survives a reload: the call boxes (live ones come back as ended by the reload), their
 * colours, the agent's preferences and the status-webhook outbox. Versioned, and tolerant of
 * corrupt or foreign data (it is dropped, never thrown at the page). Never holds credentials.
 */
import type { CallSnapshot } from './types.js';
import type { WebhookDelivery } from './status-webhook.js';
import { mergeById, remember, type KnownIds } from './store-merge.js';

export interface PhonePrefs {
  /** Ask before the close X hangs up a live call. */
  confirmClose: boolean;
}

export interface PersistedState {
  version: 1;
  /** When this state was last written (a reload-cut call ended no later than this). */
  savedAt: number;
  calls: CallSnapshot[];
  prefs: PhonePrefs;
  outbox: WebhookDelivery[];
}

/** The part of the Web Storage API the store uses (localStorage, or a stand-in). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const STATE_VERSION = 1;

export function emptyState(): PersistedState {
  return { version: STATE_VERSION, savedAt: Date.now(), calls: [], prefs: { confirmClose: true }, outbox: [] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const CALL_STATES = new Set(['dialing', 'ringing', 'early-media', 'connected', 'ended', 'failed']);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
/** Absent, or of the given kind: stored data from any version (or any hand) is checked, never trusted. */
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const isText = (value: unknown): value is string => typeof value === 'string';

function isOutcome(value: unknown): boolean {
  return (
    isObject(value) &&
    isText(value.endedBy) &&
    isText(value.reason) &&
    isText(value.message) &&
    optional(value.sipStatus, isFiniteNumber) &&
    optional(value.cause, isText)
  );
}

/** A stored call: every field a box renders has the type it is rendered as. */
function isCallSnapshot(value: unknown): value is CallSnapshot {
  if (!isObject(value) || !isObject(value.target)) return false;
  const { target, from } = value;
  return (
    isText(value.id) &&
    isText(value.state) &&
    CALL_STATES.has(value.state) &&
    isFiniteNumber(value.startedAt) &&
    isText(target.display) &&
    isText(target.uri) &&
    optional(target.kind, (kind) => kind === 'number' || kind === 'sip') &&
    optional(target.e164, isText) &&
    optional(target.country, isText) &&
    optional(from, (f) => isObject(f) && optional(f.displayName, isText) && optional(f.uri, isText)) &&
    optional(value.muted, (muted) => typeof muted === 'boolean') &&
    optional(value.color, isText) &&
    optional(value.answeredAt, isFiniteNumber) &&
    optional(value.endedAt, isFiniteNumber) &&
    optional(value.durationMs, isFiniteNumber) &&
    optional(value.outcome, isOutcome) &&
    optional(value.sipCallId, isText) &&
    optional(value.restored, (restored) => typeof restored === 'boolean')
  );
}

/** A stored webhook delivery: a non-numeric due time or attempt count once spun a timer. */
function isDelivery(value: unknown): value is WebhookDelivery {
  if (!isObject(value) || !isObject(value.payload)) return false;
  const payload = value.payload;
  return (
    isText(value.id) &&
    isText(value.url) &&
    isFiniteNumber(value.attempts) &&
    isFiniteNumber(value.dueAt) &&
    isText(payload.id) &&
    isText(payload.type) &&
    isText(payload.callId) &&
    isFiniteNumber(payload.sequence) &&
    isText(payload.timestamp) &&
    Number.isFinite(Date.parse(payload.timestamp)) &&
    isObject(payload.call)
  );
}

/** A stored JSON value (as `getItem` or a `storage` event gives it); `undefined` when absent or corrupt. */
export function parseStoredJson(raw: string | null | undefined): unknown {
  try {
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** The stored JSON value of a key; `undefined` when absent, unreadable or corrupt. */
export function readStoredJson(storage: KeyValueStorage, key: string): unknown {
  try {
    return parseStoredJson(storage.getItem(key));
  } catch {
    return undefined; // storage that throws on reading (sandboxed iframes)
  }
}

/** In-memory storage, for a page without localStorage (or one that blocks it). */
export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** localStorage where the page may use it, else memory. */
export function defaultStorage(): KeyValueStorage {
  try {
    // Reading localStorage throws in some sandboxed iframes.
    const storage = globalThis.localStorage;
    if (storage) return storage;
  } catch {
    /* fall through */
  }
  return memoryStorage();
}

/**
 * What one writer saves: its calls and outbox are merged into the stored ones per id (see
 * store-merge.ts).
 */
export interface SavedState {
  prefs: PhonePrefs;
  calls: CallSnapshot[];
  outbox: WebhookDelivery[];
}

function readPrefs(data: unknown): PhonePrefs {
  return { confirmClose: !(isObject(data) && data.confirmClose === false) };
}

export class PhoneStore {
  private readonly key: string;
  /**
   * The agent's preferences have a key of their own, so a tab that only mirrors another's calls
   * never writes the calls and the outbox: a browser keeps a per-tab copy of storage that can lag
   * (Chromium drops other tabs' writes to a key while its own write to it is in flight), and a
   * write from a stale copy put back an outbox the leader had moved past.
   */
  private readonly prefsKey: string;
  private lastPrefs: string | undefined;
  private readonly known: KnownIds = { calls: new Set(), outbox: new Set() };

  constructor(
    namespace = 'default',
    private readonly storage: KeyValueStorage = defaultStorage(),
  ) {
    this.key = `vc-phone:v${STATE_VERSION}:${namespace}`;
    this.prefsKey = `${this.key}:prefs`;
  }

  load(): PersistedState {
    const state = this.read();
    remember(this.known.calls, state.calls);
    remember(this.known.outbox, state.outbox);
    const prefs = readStoredJson(this.storage, this.prefsKey);
    if (prefs !== undefined) state.prefs = readPrefs(prefs);
    this.lastPrefs = JSON.stringify(state.prefs);
    return state;
  }

  private read(): PersistedState {
    const data = readStoredJson(this.storage, this.key);
    if (!isObject(data) || data.version !== STATE_VERSION) return emptyState();
    return {
      version: STATE_VERSION,
      savedAt: isFiniteNumber(data.savedAt) ? data.savedAt : Date.now(),
      calls: Array.isArray(data.calls) ? data.calls.filter(isCallSnapshot) : [],
      prefs: readPrefs(data.prefs),
      outbox: Array.isArray(data.outbox) ? data.outbox.filter(isDelivery) : [],
    };
  }

  /** Saves the calls, the outbox and the preferences (the writer that holds the calls). */
  save(state: SavedState): void {
    const stored = this.read();
    const calls = mergeById(state.calls, stored.calls, this.known.calls);
    const outbox = mergeById(state.outbox, stored.outbox, this.known.outbox);
    remember(this.known.calls, state.calls);
    remember(this.known.outbox, state.outbox);
    const data: PersistedState = { version: STATE_VERSION, savedAt: Date.now(), calls, prefs: state.prefs, outbox };
    this.write(this.key, JSON.stringify(data));
    this.savePrefs(state.prefs);
  }

  /** Saves the preferences only, when this writer changed them (what a tab mirroring another's calls saves). */
  savePrefs(prefs: PhonePrefs): void {
    const json = JSON.stringify(prefs);
    if (json === this.lastPrefs) return;
    this.lastPrefs = json;
    this.write(this.prefsKey, json);
  }

  clear(): void {
    this.lastPrefs = undefined;
    for (const key of [this.key, this.prefsKey]) {
      try {
        this.storage.removeItem(key);
      } catch {
        /* nothing to clear */
      }
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage.setItem(key, value);
    } catch {
      // Quota or privacy mode: the page keeps working, it just won't remember.
    }
  }
}

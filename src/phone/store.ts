/**
 * What survives a reload: the call boxes (live ones come back as ended by the reload), their
 * colours, the agent's preferences and the status-webhook outbox. Versioned, and tolerant of
 * corrupt or foreign data (it is dropped, never thrown at the page). Never holds credentials.
 */
import type { CallSnapshot } from './types.js';
import type { WebhookDelivery } from './status-webhook.js';

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

function isCallSnapshot(value: unknown): value is CallSnapshot {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.state === 'string' &&
    typeof value.startedAt === 'number' &&
    isObject(value.target) &&
    typeof value.target.display === 'string' &&
    typeof value.target.uri === 'string'
  );
}

function isDelivery(value: unknown): value is WebhookDelivery {
  return isObject(value) && typeof value.id === 'string' && typeof value.url === 'string' && isObject(value.payload);
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

function defaultStorage(): KeyValueStorage {
  try {
    // Reading localStorage throws in some sandboxed iframes.
    const storage = globalThis.localStorage;
    if (storage) return storage;
  } catch {
    /* fall through */
  }
  return memoryStorage();
}

export class PhoneStore {
  private readonly key: string;

  constructor(
    namespace = 'default',
    private readonly storage: KeyValueStorage = defaultStorage(),
  ) {
    this.key = `vc-phone:v${STATE_VERSION}:${namespace}`;
  }

  load(): PersistedState {
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      return emptyState();
    }
    if (!raw) return emptyState();
    try {
      const data: unknown = JSON.parse(raw);
      if (!isObject(data) || data.version !== STATE_VERSION) return emptyState();
      const prefs = isObject(data.prefs) ? data.prefs : {};
      return {
        version: STATE_VERSION,
        savedAt: typeof data.savedAt === 'number' ? data.savedAt : Date.now(),
        calls: Array.isArray(data.calls) ? data.calls.filter(isCallSnapshot) : [],
        prefs: { confirmClose: prefs.confirmClose !== false },
        outbox: Array.isArray(data.outbox) ? data.outbox.filter(isDelivery) : [],
      };
    } catch {
      return emptyState();
    }
  }

  save(state: Omit<PersistedState, 'version' | 'savedAt'>): void {
    const data: PersistedState = { version: STATE_VERSION, savedAt: Date.now(), ...state };
    try {
      this.storage.setItem(this.key, JSON.stringify(data));
    } catch {
      // Quota or privacy mode: the page keeps working, it just won't remember.
    }
  }

  clear(): void {
    try {
      this.storage.removeItem(this.key);
    } catch {
      /* nothing to clear */
    }
  }
}

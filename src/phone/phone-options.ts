/**
 * How a `Phone` is made: where it keeps what survives a reload, what it calls through, where it
 * lists audio devices, and whether the tabs of the origin share it.
 */
import type { AudioDeviceSource } from './audio-devices.js';
import type { EngineFactory } from './engine.js';
import type { KeyValueStorage } from './store.js';

/** Options for where the phone keeps what survives a reload, and what it calls through. */
export interface PhoneOptions {
  /** Where state is persisted (default: localStorage). */
  storage?: KeyValueStorage;
  /** Makes the signalling engine (default: sip.js, loaded on first need). The fake phone injects its own. */
  engine?: EngineFactory;
  /** Where microphones and outputs are listed (default: `navigator.mediaDevices`). The fake phone injects its own. */
  mediaDevices?: AudioDeviceSource;
  /** Outputs can be chosen (default: the browser has `setSinkId`). */
  canChooseOutput?: boolean;
  /**
   * `shared`: the tabs (and same-origin frames) of this origin with the same `storageKey` share
   * one connection and one set of calls (see the README, "One phone across tabs").
   * `single`: this phone keeps its own. Default: `shared` for a phone on the browser's own
   * storage and sip.js engine, `single` when `storage` or `engine` is given.
   */
  tabs?: 'shared' | 'single';
}

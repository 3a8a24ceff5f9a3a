/**
 * The audio the agent hears and speaks through, as the public API describes it: devices, the
 * choice among them, the browser's voice processing, and the pre-call check's report.
 */

/** What a device is for: `microphone` (input), `speaker` (the call's audio), `ringer` (vc-phone's own alerts and tones). */
export type AudioDeviceKind = 'microphone' | 'speaker' | 'ringer';

/** One microphone or output, as the browser lists it. */
export interface AudioDevice {
  /** The browser's device id (stable per origin); pass it to `useMicrophone()` / `useSpeaker()`. */
  id: string;
  /** `microphone` for an input, `speaker` for an output (an output can also be chosen as the ringer). */
  kind: 'microphone' | 'speaker';
  /**
   * A human name ("Jabra Evolve 40"). Browsers hide names until the microphone was allowed once;
   * until then this is "Microphone 2" / "Speaker 1" and `named` is false.
   */
  label: string;
  /** The browser gave a real name (the microphone permission has been granted). */
  named: boolean;
}

/** The browser's voice processing on the microphone (getUserMedia constraints); all on by default. */
export interface AudioProcessing {
  echoCancellation: boolean;
  noiseSuppression: boolean;
  autoGainControl: boolean;
}

/** What the agent chose (remembered per storage key). `undefined` means the system default. */
export interface AudioChoice extends AudioProcessing {
  microphoneId?: string;
  speakerId?: string;
  ringerId?: string;
}

/** One line of the pre-call check. */
export type CheckStatus = 'pass' | 'warn' | 'fail';

/** What each line of the pre-call check is about. */
export type CheckItemId = 'microphone' | 'speaker' | 'server' | 'network' | 'turn';

/**
 * What a line of the pre-call check found, as a code (`CheckItem.code`), so that an element says it
 * (and what to fix) in its own language; `stopped` is a step the check's `signal` stopped.
 */
export type CheckCode =
  | 'stopped'
  | 'microphone-timeout'
  | 'microphone-insecure'
  | 'microphone-blocked'
  | 'microphone-missing'
  | 'microphone-unmeasured'
  | 'microphone-silent'
  | 'microphone-ok'
  | 'speaker-timeout'
  | 'speaker-unsupported'
  | 'speaker-blocked'
  | 'speaker-ok'
  | 'server-timeout'
  | 'server-invalid'
  | 'server-blocked'
  | 'server-error'
  | 'server-closed'
  | 'server-unreachable'
  | 'server-ok'
  | 'network-error'
  | 'network-relay-only'
  | 'network-none'
  | 'network-no-public'
  | 'network-ok'
  | 'turn-ok'
  | 'turn-none';

export interface CheckItem {
  id: CheckItemId;
  status: CheckStatus;
  /** What was found, as a code (words in any language are chosen by it; absent in a hand-made report). */
  code?: CheckCode;
  /**
   * The variable parts of the words, by placeholder name: `device` (microphone or speaker name),
   * `seconds`, `level` (dBFS), `host`, `origin`, `ms`, `status` (SIP), `local`/`public`/`relayed`
   * (path counts), `count`, `server`.
   */
  values?: Record<string, string>;
  /** What was found, in words (English, for developers and logs: elements show the words of `code`). */
  message: string;
  /** What to do about it (warn and fail only). */
  fix?: string;
  /** Figures behind the words: level, candidate counts, round trip, SIP status... */
  details?: Record<string, number | string | boolean>;
}

/** The pre-call check's report: each item, and the worst of them. */
export interface CheckReport {
  status: CheckStatus;
  items: CheckItem[];
  /** Epoch ms when the check started and ended. */
  startedAt: number;
  endedAt: number;
}

export interface CheckOptions {
  /** Play a short test tone on the chosen speaker (default true). */
  speakerTone?: boolean;
  /** How long the microphone is listened to for a level (default 1500 ms). */
  listenMs?: number;
  /** Each step's deadline (default 6000 ms): a step that takes longer fails and says so. */
  stepDeadlineMs?: number;
  /** Stops the check (each unfinished step fails as cancelled). */
  signal?: AbortSignal;
}

/**
 * Where the agent's audio choice is remembered: its own key next to the phone's state
 * (`vc-phone:v1:<storage key>:audio`), so a corrupt or foreign value costs only the audio choice,
 * and the phone's state format does not change. Tolerant: anything unexpected is dropped.
 * @internal
 */
import type { AudioChoice } from './audio-types.js';
import type { KeyValueStorage } from './store.js';

export const DEFAULT_AUDIO_CHOICE: AudioChoice = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/** Device ids are opaque browser strings; anything longer than this is not one. */
const MAX_ID_LENGTH = 512;

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;

export class AudioChoiceStore {
  private readonly key: string;

  constructor(
    namespace: string,
    private readonly storage: KeyValueStorage,
  ) {
    this.key = `vc-phone:v1:${namespace}:audio`;
  }

  /** The choice, and the names of the chosen devices when they were chosen (for words when one is missing). */
  load(): AudioChoice & { labels?: Record<string, string> } {
    try {
      const data: unknown = JSON.parse(this.storage.getItem(this.key) ?? 'null');
      if (typeof data !== 'object' || data === null) return { ...DEFAULT_AUDIO_CHOICE };
      const saved = data as Record<string, unknown>;
      const choice: AudioChoice = {
        echoCancellation: saved.echoCancellation !== false,
        noiseSuppression: saved.noiseSuppression !== false,
        autoGainControl: saved.autoGainControl !== false,
      };
      if (isId(saved.microphoneId)) choice.microphoneId = saved.microphoneId;
      if (isId(saved.speakerId)) choice.speakerId = saved.speakerId;
      if (isId(saved.ringerId)) choice.ringerId = saved.ringerId;
      const labels = typeof saved.labels === 'object' && saved.labels !== null ? (saved.labels as Record<string, unknown>) : {};
      const known = Object.fromEntries(
        [choice.microphoneId, choice.speakerId, choice.ringerId].flatMap((id) => (id && typeof labels[id] === 'string' ? [[id, (labels[id]).slice(0, 200)]] : [])),
      );
      return Object.keys(known).length ? { ...choice, labels: known } : choice;
    } catch {
      return { ...DEFAULT_AUDIO_CHOICE };
    }
  }

  save(choice: AudioChoice & { labels?: Record<string, string> }): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(choice));
    } catch {
      // Quota or privacy mode: the choice holds for this page only.
    }
  }
}

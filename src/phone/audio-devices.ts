/**
 * `phone.audio`: the microphones and outputs the browser lists, the one the agent chose for
 * each use, the voice processing switches, and what happens when a device comes or goes.
 * The choice is remembered per storage key; the engine reads it whenever it opens the
 * microphone or plays the far end, and is told when it changes during a call.
 */
import { VcAudioDeviceLostEvent, VcAudioDevicesChangeEvent } from '../events/audio-events.js';
import { AudioChoiceStore } from './audio-choice-store.js';
import type { AudioChoice, AudioDevice, AudioDeviceKind, AudioProcessing } from './audio-types.js';
import type { EngineMedia } from './engine.js';
import { inputError, PhoneInputError } from './errors.js';
import type { KeyValueStorage } from './store.js';
import { TypedEventTarget } from './typed-event-target.js';

/** The part of `navigator.mediaDevices` the phone uses to list devices (a fake one in tests and stories). */
export interface AudioDeviceSource {
  enumerateDevices(): Promise<Array<Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>>>;
  addEventListener(type: 'devicechange', listener: () => void): void;
  removeEventListener(type: 'devicechange', listener: () => void): void;
}

/** What the phone gives its `PhoneAudio`. @internal */
export interface PhoneAudioHost {
  namespace: string;
  storage: KeyValueStorage;
  /** Where devices are listed (default `navigator.mediaDevices`). */
  source?: AudioDeviceSource;
  /** Outputs can be chosen (`setSinkId`); default: the browser has it. */
  canChooseOutput?: boolean;
  /** Applies a change to the live engine (resolves at once when there is none). */
  apply(what: 'microphone' | 'speaker'): Promise<void>;
  /** Dispatches a `vc-` event from the phone. */
  dispatch(event: Event): void;
  /** Refused input: dispatched as `vc-input-error` by the phone. */
  refuse(error: PhoneInputError): void;
}

/** The browser's pseudo-devices: they stand for "whatever the system uses", which `undefined` means here. */
const PSEUDO_IDS = new Set(['default', 'communications', '']);

const NAMES: Record<AudioDeviceKind, string> = { microphone: 'microphone', speaker: 'speaker', ringer: 'ringer' };

function browserSource(): AudioDeviceSource | undefined {
  return globalThis.navigator?.mediaDevices;
}

export class PhoneAudio extends TypedEventTarget<{ change: Event }> {
  private choice: AudioChoice;
  /** Names of the chosen devices, remembered with the choice (words for one that is missing at start-up). */
  private labels: Record<string, string>;
  private listed: AudioDevice[] | undefined;
  /** The devices in use at the last report (to tell when one went). */
  private inUse: Record<AudioDeviceKind, AudioDevice | undefined> = { microphone: undefined, speaker: undefined, ringer: undefined };
  private readonly store: AudioChoiceStore;
  private readonly source: AudioDeviceSource | undefined;
  private listening = false;
  private refreshing: Promise<AudioDevice[]> | undefined;
  private _notice: string | undefined;
  /** The microphone the engine could not open (gone since the list was read): the default stands in. */
  private unavailableMicrophone: string | undefined;

  /** @internal */
  constructor(private readonly host: PhoneAudioHost) {
    super();
    this.store = new AudioChoiceStore(host.namespace, host.storage);
    const { labels, ...choice } = this.store.load();
    this.choice = choice;
    this.labels = labels ?? {};
    this.inUse = { microphone: this.microphone, speaker: this.speaker, ringer: this.ringer };
    this.source = host.source ?? browserSource();
    this.listen();
    // A remembered device may be gone since last time: find out now, not at the first call.
    if (this.choice.microphoneId || this.choice.speakerId || this.choice.ringerId) void this.refresh().catch(() => undefined);
  }

  /** The browser lets a page choose where audio plays (`setSinkId`); when false, it plays on the system's default output. */
  get canChooseOutput(): boolean {
    return this.host.canChooseOutput ?? (typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype);
  }

  /** Every microphone and output listed (empty until `refresh()` ran once). System-default pseudo-devices are left out: `undefined` means the default. */
  get devices(): readonly AudioDevice[] {
    return this.listed ?? [];
  }
  get microphones(): readonly AudioDevice[] {
    return this.devices.filter((device) => device.kind === 'microphone');
  }
  get speakers(): readonly AudioDevice[] {
    return this.devices.filter((device) => device.kind === 'speaker');
  }

  /** The microphone in use: the chosen one while it is there; undefined means the system default. */
  get microphone(): AudioDevice | undefined {
    return this.effective('microphone');
  }
  get speaker(): AudioDevice | undefined {
    return this.effective('speaker');
  }
  get ringer(): AudioDevice | undefined {
    return this.effective('ringer');
  }

  /** What the agent chose, remembered (a chosen device stays chosen while it is unplugged, and is used again when it is back). */
  get chosen(): Readonly<AudioChoice> {
    return { ...this.choice };
  }

  get processing(): AudioProcessing {
    const { echoCancellation, noiseSuppression, autoGainControl } = this.choice;
    return { echoCancellation, noiseSuppression, autoGainControl };
  }

  /** The last words about a device that went (until the agent chooses again). */
  get notice(): string | undefined {
    return this._notice;
  }

  /**
   * Lists the devices again. Browsers give names only once the microphone was allowed: with
   * `askPermission`, the microphone is opened (and closed at once) to get them.
   */
  async refresh(options: { askPermission?: boolean } = {}): Promise<readonly AudioDevice[]> {
    if (options.askPermission && !this.listed?.every((device) => device.named)) {
      const stream = await globalThis.navigator?.mediaDevices?.getUserMedia({ audio: true }).catch(() => undefined);
      stream?.getTracks().forEach((track) => track.stop());
    }
    this.refreshing ??= this.readDevices().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Uses this microphone (undefined: the system default) from now on, also in live calls (no re-INVITE). */
  async useMicrophone(id: string | undefined): Promise<void> {
    await this.choose('microphone', id, () => (this.unavailableMicrophone = undefined));
  }

  /** Plays calls on this output (undefined: the system default), also live ones. Refused where the browser cannot choose outputs. */
  async useSpeaker(id: string | undefined): Promise<void> {
    await this.choose('speaker', id);
  }

  /** Plays vc-phone's own tones and alerts (test tone, key tones) on this output (undefined: the system default). */
  async useRinger(id: string | undefined): Promise<void> {
    await this.choose('ringer', id);
  }

  /** Switches the browser's voice processing; live calls get a new microphone track with it. */
  async setProcessing(changes: Partial<AudioProcessing>): Promise<void> {
    const next = { ...this.choice };
    for (const key of ['echoCancellation', 'noiseSuppression', 'autoGainControl'] as const) {
      const value = changes[key];
      if (value === undefined) continue;
      if (typeof value !== 'boolean') return this.refused(inputError('wrong-type', key, `${key} must be true or false.`));
      next[key] = value;
    }
    const changed = (['echoCancellation', 'noiseSuppression', 'autoGainControl'] as const).some((key) => next[key] !== this.choice[key]);
    if (!changed) return;
    this.choice = next;
    this.saveChoice();
    this.dispatchEvent(new Event('change'));
    await this.host.apply('microphone');
  }

  /** @internal The engine's view: constraints for getUserMedia, the output to play on. */
  readonly forEngine: EngineMedia = {
    microphoneConstraints: () => this.microphoneConstraints(),
    speakerId: () => (this.canChooseOutput ? (this.speaker?.id ?? '') : ''),
    ringerId: () => (this.canChooseOutput ? (this.ringer?.id ?? '') : ''),
    microphoneUnavailable: (id) => this.microphoneUnavailable(id),
  };

  /** getUserMedia's audio constraints for the choice: the device (exactly) and the processing. */
  microphoneConstraints(): MediaTrackConstraints {
    const device = this.microphone;
    return { ...(device ? { deviceId: { exact: device.id } } : {}), ...this.processing };
  }

  /** @internal Stops listening for devices (the phone is disposed). */
  dispose(): void {
    if (!this.listening) return;
    this.listening = false;
    this.source?.removeEventListener('devicechange', this.onDeviceChange);
  }

  private listen(): void {
    if (!this.source || this.listening) return;
    this.listening = true;
    this.source.addEventListener('devicechange', this.onDeviceChange);
  }

  private readonly onDeviceChange = (): void => {
    void this.refresh().catch(() => undefined);
  };

  /** Checks and remembers a choice; live calls switch when the device in use changes. */
  private async choose(kind: AudioDeviceKind, id: string | undefined, beforeReport?: () => void): Promise<void> {
    if (id !== undefined && (typeof id !== 'string' || id.length > 512)) return this.refused(inputError('wrong-type', kind, `The ${NAMES[kind]} must be a device id from phone.audio.devices.`));
    if (kind !== 'microphone' && id !== undefined && !this.canChooseOutput) {
      return this.refused(
        inputError('not-supported', kind, `This browser cannot choose where audio plays: it plays on the system's default output. Choose the output in the system's sound settings.`),
      );
    }
    const wanted = id === undefined || PSEUDO_IDS.has(id) ? undefined : id;
    if (wanted !== undefined) {
      const devices = await this.refresh();
      const kindListed = kind === 'microphone' ? 'microphone' : 'speaker';
      if (!devices.some((device) => device.id === wanted && device.kind === kindListed)) {
        return this.refused(inputError('unknown-device', kind, `There is no such ${NAMES[kind]} on this computer (it may have been unplugged). Choose one from the list.`));
      }
    }
    const key = `${kind}Id` as const;
    if (wanted === undefined) delete this.choice[key];
    else this.choice[key] = wanted;
    this.saveChoice();
    this._notice = undefined;
    beforeReport?.();
    await this.report();
  }

  private saveChoice(): void {
    const labels: Record<string, string> = {};
    for (const id of [this.choice.microphoneId, this.choice.speakerId, this.choice.ringerId]) {
      const label = id && (this.listed?.find((device) => device.id === id && device.named)?.label ?? this.labels[id]);
      if (id && label) labels[id] = label;
    }
    this.labels = labels;
    this.store.save({ ...this.choice, labels });
  }

  private refused(error: PhoneInputError): never {
    this.host.refuse(error);
    throw error;
  }

  private effective(kind: AudioDeviceKind): AudioDevice | undefined {
    const id = this.choice[`${kind}Id`];
    if (!id || (kind === 'microphone' && id === this.unavailableMicrophone)) return undefined;
    if (kind !== 'microphone' && !this.canChooseOutput) return undefined;
    const listKind = kind === 'microphone' ? 'microphone' : 'speaker';
    if (!this.listed) return { id, kind: listKind, label: this.labels[id] ?? `The chosen ${NAMES[kind]}`, named: id in this.labels };
    return this.listed.find((device) => device.id === id && device.kind === listKind);
  }

  private async readDevices(): Promise<AudioDevice[]> {
    const infos = this.source ? await this.source.enumerateDevices() : [];
    const count = { microphone: 0, speaker: 0 };
    const devices: AudioDevice[] = [];
    for (const info of infos) {
      if ((info.kind !== 'audioinput' && info.kind !== 'audiooutput') || PSEUDO_IDS.has(info.deviceId)) continue;
      const kind = info.kind === 'audioinput' ? 'microphone' : 'speaker';
      count[kind] += 1;
      const fallback = `${kind === 'microphone' ? 'Microphone' : 'Speaker'} ${count[kind]}`;
      devices.push({ id: info.deviceId, kind, label: info.label || fallback, named: Boolean(info.label) });
    }
    const before = JSON.stringify(this.listed);
    this.listed = devices;
    if (JSON.stringify(devices) !== before) void this.report().catch(() => undefined);
    return devices;
  }

  /** The chosen microphone failed to open (gone between listing and use): the engine used the default. */
  private microphoneUnavailable(id: string): void {
    if (this.choice.microphoneId !== id || this.unavailableMicrophone === id) return;
    const device = this.inUse.microphone ?? { id, label: 'The chosen microphone' };
    this.unavailableMicrophone = id;
    this.lost('microphone', device);
    // The engine already uses the default: nothing to switch, only to report.
    this.inUse = { ...this.inUse, microphone: undefined };
    void this.report().catch(() => undefined);
  }

  /** Tells the page what changed: a device in use that went (words), and the list and devices in use. */
  private report(): Promise<void> {
    const previous = this.inUse;
    this.inUse = { microphone: this.microphone, speaker: this.speaker, ringer: this.ringer };
    const switched: Array<'microphone' | 'speaker'> = [];
    for (const kind of ['microphone', 'speaker', 'ringer'] as const) {
      const was = previous[kind];
      const now = this.inUse[kind];
      if (was?.id === now?.id) continue;
      if (kind !== 'ringer') switched.push(kind);
      // It was in use, it is still the choice, and it is not listed any more: it went.
      if (was && !now && this.choice[`${kind}Id`] === was.id && this.listed && !this.listed.some((device) => device.id === was.id)) this.lost(kind, was);
    }
    const { microphone, speaker, ringer } = this.inUse;
    this.host.dispatch(new VcAudioDevicesChangeEvent({ devices: [...this.devices], ...(microphone ? { microphone } : {}), ...(speaker ? { speaker } : {}), ...(ringer ? { ringer } : {}) }));
    this.dispatchEvent(new Event('change'));
    // A device chosen, gone or back changes what live calls use.
    return Promise.all(switched.map((kind) => this.host.apply(kind))).then(() => undefined);
  }

  private lost(kind: AudioDeviceKind, device: { id: string; label: string }): void {
    const what = NAMES[kind];
    this._notice = `The ${what} "${device.label}" is no longer available: the system's default ${what} is used instead.`;
    this.host.dispatch(new VcAudioDeviceLostEvent({ kind, device: { id: device.id, label: device.label }, message: this._notice }));
  }
}

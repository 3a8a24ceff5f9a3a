/**
 * Microphones and outputs for the fake phone: a stand-in for `navigator.mediaDevices` that lists
 * what a test or story says, and plugs devices in and out (`devicechange`), so device lists,
 * choices and "unplugged" states can be shown and tested with no hardware.
 */
import type { AudioDeviceSource } from '../phone/audio-devices.js';

/** One fake device: `microphone` or `speaker`, with its id and name. */
export interface FakeAudioDevice {
  id: string;
  kind: 'microphone' | 'speaker';
  label: string;
}

/** A headset, a laptop's own microphone and speakers: what most agents have. */
export const FAKE_AUDIO_DEVICES: readonly FakeAudioDevice[] = [
  { id: 'mic-headset', kind: 'microphone', label: 'Jabra Evolve2 40 (USB)' },
  { id: 'mic-laptop', kind: 'microphone', label: 'MacBook Pro Microphone' },
  { id: 'out-headset', kind: 'speaker', label: 'Jabra Evolve2 40 (USB)' },
  { id: 'out-laptop', kind: 'speaker', label: 'MacBook Pro Speakers' },
];

export class FakeMediaDevices extends EventTarget implements AudioDeviceSource {
  private list: FakeAudioDevice[];
  /** Names hidden, as browsers do before the microphone was allowed. */
  hideLabels = false;

  constructor(devices: readonly FakeAudioDevice[] = FAKE_AUDIO_DEVICES) {
    super();
    this.list = [...devices];
  }

  get devices(): readonly FakeAudioDevice[] {
    return this.list;
  }

  async enumerateDevices(): Promise<Array<Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>>> {
    const defaults = [
      ...(this.list.some((d) => d.kind === 'microphone') ? [{ deviceId: 'default', kind: 'audioinput' as const, label: this.hideLabels ? '' : 'Default' }] : []),
      ...(this.list.some((d) => d.kind === 'speaker') ? [{ deviceId: 'default', kind: 'audiooutput' as const, label: this.hideLabels ? '' : 'Default' }] : []),
    ];
    return [
      ...defaults,
      ...this.list.map((d) => ({ deviceId: d.id, kind: d.kind === 'microphone' ? ('audioinput' as const) : ('audiooutput' as const), label: this.hideLabels ? '' : d.label })),
    ];
  }

  /** A device is plugged in (`devicechange` fires). */
  plug(device: FakeAudioDevice): void {
    this.list = [...this.list.filter((d) => d.id !== device.id || d.kind !== device.kind), device];
    this.dispatchEvent(new Event('devicechange'));
  }

  /** A device is unplugged (`devicechange` fires). */
  unplug(id: string): void {
    this.list = this.list.filter((d) => d.id !== id);
    this.dispatchEvent(new Event('devicechange'));
  }
}

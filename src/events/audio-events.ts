import type { AudioDevice, AudioDeviceKind, CheckReport } from '../phone/audio-types.js';
import { VcEvent } from './vc-event.js';

/** What `vc-audio-devices-change` carries: the devices listed and the ones in use (undefined: the system default). */
export interface AudioDevicesDetail {
  devices: AudioDevice[];
  microphone?: AudioDevice;
  speaker?: AudioDevice;
  ringer?: AudioDevice;
}

/**
 * The list of microphones and outputs changed (one was plugged in or out), or the device in use
 * changed (the agent chose another, or the one in use went).
 */
export class VcAudioDevicesChangeEvent extends VcEvent<AudioDevicesDetail> {
  static override readonly eventName = 'vc-audio-devices-change';
}

/** The device in use went away (unplugged, or could not be opened): the system default is used instead, and `message` says so. */
export class VcAudioDeviceLostEvent extends VcEvent<{ kind: AudioDeviceKind; device: { id: string; label: string }; message: string }> {
  static override readonly eventName = 'vc-audio-device-lost';
}

/** The pre-call check (`phone.check()`) finished: its report, item by item. */
export class VcAudioCheckEvent extends VcEvent<{ report: CheckReport }> {
  static override readonly eventName = 'vc-audio-check';
}

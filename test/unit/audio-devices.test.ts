import { expect } from '@open-wc/testing';
import type { VcAudioDeviceLostEvent, VcAudioDevicesChangeEvent } from '../../src/events/audio-events.js';
import { PhoneInputError } from '../../src/phone/errors.js';
import { Phone } from '../../src/phone/phone.js';
import { memoryStorage } from '../../src/phone/store.js';
import { FakeMediaDevices } from '../../src/testing/fake-media-devices.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { until } from '../support/until.js';

async function refusal(promise: Promise<unknown>): Promise<PhoneInputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PhoneInputError);
    return error as PhoneInputError;
  }
  throw new Error('accepted');
}

describe('phone.audio: devices, choice, processing', () => {
  it('lists microphones and outputs with their names, without the system pseudo-devices', async () => {
    const phone = new FakePhone();
    await phone.audio.refresh();
    expect(phone.audio.microphones.map((d) => d.label)).to.deep.equal(['Jabra Evolve2 40 (USB)', 'MacBook Pro Microphone']);
    expect(phone.audio.speakers.map((d) => d.id)).to.deep.equal(['out-headset', 'out-laptop']);
    expect(phone.audio.microphone).to.equal(undefined, 'the system default until one is chosen');
  });

  it('names unnamed devices in words (browsers hide names until the microphone is allowed)', async () => {
    const phone = new FakePhone();
    phone.mediaDevices.hideLabels = true;
    await phone.audio.refresh();
    expect(phone.audio.microphones.map((d) => [d.label, d.named])).to.deep.equal([
      ['Microphone 1', false],
      ['Microphone 2', false],
    ]);
  });

  it('uses the chosen microphone and processing in getUserMedia constraints, tells live calls, and remembers it per storage key', async () => {
    const storage = memoryStorage();
    const phone = new FakePhone({ storageKey: 'desk-1' }, { storage });
    const changes: VcAudioDevicesChangeEvent[] = [];
    phone.addEventListener('vc-audio-devices-change', (e) => changes.push(e));
    const call = await phone.callInState('connected');
    await phone.audio.useMicrophone('mic-laptop');
    expect(phone.audio.microphone?.label).to.equal('MacBook Pro Microphone');
    expect(phone.audio.microphoneConstraints()).to.deep.equal({
      deviceId: { exact: 'mic-laptop' },
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
    });
    expect(phone.audioChanges).to.deep.equal(['microphone'], 'the live call was told to switch');
    expect(changes.at(-1)?.detail.microphone?.id).to.equal('mic-laptop');
    await phone.audio.setProcessing({ noiseSuppression: false, echoCancellation: false });
    expect(phone.audio.microphoneConstraints()).to.include({ echoCancellation: false, noiseSuppression: false, autoGainControl: true });
    expect(phone.audioChanges).to.deep.equal(['microphone', 'microphone']);
    await phone.audio.useSpeaker('out-laptop');
    expect(phone.audioChanges.at(-1)).to.equal('speaker');
    expect(call.state).to.equal('connected');

    const again = new FakePhone({ storageKey: 'desk-1' }, { storage });
    await again.audio.refresh();
    expect(again.audio.microphone?.id).to.equal('mic-laptop');
    expect(again.audio.speaker?.id).to.equal('out-laptop');
    expect(again.audio.processing).to.deep.equal({ echoCancellation: false, noiseSuppression: false, autoGainControl: true });
    const other = new FakePhone({ storageKey: 'desk-2' }, { storage });
    expect(other.audio.chosen).to.deep.equal({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
  });

  it('refuses an unknown device id or a wrong type in words, with an event, and changes nothing', async () => {
    const phone = new FakePhone();
    const errors: string[] = [];
    phone.addEventListener('vc-input-error', (e) => errors.push(`${e.detail.code}/${e.detail.field}`));
    const unknown = await refusal(phone.audio.useMicrophone('no-such-mic'));
    expect(unknown.message).to.match(/no such microphone/);
    await refusal(phone.audio.useSpeaker('mic-headset'));
    await refusal(phone.audio.setProcessing({ echoCancellation: 'no' as unknown as boolean }));
    expect(errors).to.deep.equal(['unknown-device/microphone', 'unknown-device/speaker', 'wrong-type/echoCancellation']);
    expect(phone.audio.chosen).to.deep.equal({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
    expect(phone.audioChanges).to.deep.equal([]);
  });

  it('where the browser cannot choose outputs, says so and plays on the default', async () => {
    const phone = new FakePhone({}, { canChooseOutput: false });
    expect(phone.audio.canChooseOutput).to.equal(false);
    const error = await refusal(phone.audio.useSpeaker('out-laptop'));
    expect(error.code).to.equal('not-supported');
    expect(error.message).to.match(/cannot choose where audio plays/);
    expect(phone.audio.forEngine.speakerId()).to.equal('');
  });

  it('a device plugged in updates the list; the one in use unplugged falls back to the default and says so; back, it is used again', async () => {
    const phone = new FakePhone();
    const lost: VcAudioDeviceLostEvent[] = [];
    phone.addEventListener('vc-audio-device-lost', (e) => lost.push(e));
    await phone.callInState('connected');
    await phone.audio.useMicrophone('mic-headset');
    phone.mediaDevices.plug({ id: 'mic-webcam', kind: 'microphone', label: 'Logitech C920' });
    await until(() => phone.audio.microphones.some((d) => d.id === 'mic-webcam'), 'the plugged-in microphone listed');
    expect(lost).to.have.length(0);
    const before = phone.audioChanges.length;
    phone.mediaDevices.unplug('mic-headset');
    await until(() => lost.length === 1, 'the lost event');
    expect(lost[0].detail).to.deep.equal({
      kind: 'microphone',
      device: { id: 'mic-headset', label: 'Jabra Evolve2 40 (USB)' },
      message: 'The microphone "Jabra Evolve2 40 (USB)" is no longer available: the system\'s default microphone is used instead.',
    });
    expect(phone.audio.microphone).to.equal(undefined);
    expect(phone.audio.notice).to.equal(lost[0].detail.message);
    expect(phone.audio.microphoneConstraints()).to.not.have.property('deviceId');
    await until(() => phone.audioChanges.length === before + 1, 'the live call moved to the default microphone');
    expect(phone.audio.chosen.microphoneId).to.equal('mic-headset', 'the choice is kept for when it is back');
    phone.mediaDevices.plug({ id: 'mic-headset', kind: 'microphone', label: 'Jabra Evolve2 40 (USB)' });
    await until(() => phone.audio.microphone?.id === 'mic-headset', 'the headset used again');
    await until(() => phone.audioChanges.length === before + 2, 'the live call moved back to the headset');
  });

  it('a remembered device that is not plugged in at start-up: the default is used, and the page is told', async () => {
    const storage = memoryStorage();
    const first = new FakePhone({}, { storage });
    await first.audio.useSpeaker('out-headset');
    const devices = new FakeMediaDevices([{ id: 'out-laptop', kind: 'speaker', label: 'MacBook Pro Speakers' }]);
    const second = new FakePhone({}, { storage, mediaDevices: devices });
    const lost: string[] = [];
    second.addEventListener('vc-audio-device-lost', (e) => lost.push(`${e.detail.kind}: ${e.detail.message}`));
    await until(() => lost.length === 1, 'the lost event');
    expect(lost[0]).to.equal('speaker: The speaker "Jabra Evolve2 40 (USB)" is no longer available: the system\'s default speaker is used instead.');
    expect(second.audio.speaker).to.equal(undefined);
    expect(second.audio.forEngine.speakerId()).to.equal('');
  });

  it('the engine could not open the chosen microphone: the default stands in, and the page is told', async () => {
    const phone = new FakePhone();
    await phone.audio.useMicrophone('mic-laptop');
    const lost: string[] = [];
    phone.addEventListener('vc-audio-device-lost', (e) => lost.push(e.detail.message));
    phone.audio.forEngine.microphoneUnavailable('mic-laptop');
    expect(lost).to.have.length(1);
    expect(lost[0]).to.match(/"MacBook Pro Microphone" is no longer available/);
    expect(phone.audio.microphoneConstraints()).to.not.have.property('deviceId');
  });

  it('tolerates corrupt stored choices (drops them)', () => {
    const storage = memoryStorage();
    storage.setItem('vc-phone:v1:default:audio', '{"microphoneId": 42, "echoCancellation": "x", "noiseSuppression": false');
    expect(new FakePhone({}, { storage }).audio.chosen).to.deep.equal({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
    storage.setItem('vc-phone:v1:default:audio', JSON.stringify({ microphoneId: { x: 1 }, noiseSuppression: false }));
    expect(new FakePhone({}, { storage }).audio.chosen).to.deep.equal({ echoCancellation: true, noiseSuppression: false, autoGainControl: true });
  });

  it('the real browser: the chosen device and processing reach getUserMedia (track.getSettings)', async function () {
    const phone = new Phone({}, { storage: memoryStorage() });
    await phone.audio.refresh({ askPermission: true });
    // Chromium's fake devices: "Fake Audio Input 1/2"; Firefox's fake mode may list one microphone.
    const second = phone.audio.microphones.find((d) => d.label === 'Fake Audio Input 2') ?? phone.audio.microphones.at(-1);
    if (!second) return this.skip();
    await phone.audio.useMicrophone(second.id);
    await phone.audio.setProcessing({ echoCancellation: false, noiseSuppression: false, autoGainControl: false });
    const { openMicrophone } = await import('../../src/phone/sip-audio-choice.js');
    const stream = await openMicrophone(phone.audio.forEngine);
    const settings = stream.getAudioTracks()[0].getSettings();
    stream.getTracks().forEach((t) => t.stop());
    expect(settings).to.include({ deviceId: second.id, echoCancellation: false, noiseSuppression: false, autoGainControl: false });
    await phone.audio.setProcessing({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
    const on = await openMicrophone(phone.audio.forEngine);
    const onSettings = on.getAudioTracks()[0].getSettings();
    on.getTracks().forEach((t) => t.stop());
    // Firefox's fake device reports its processing off whatever is asked: compare with asking the browser directly.
    const direct = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
    const directSettings = direct.getAudioTracks()[0].getSettings();
    direct.getTracks().forEach((t) => t.stop());
    for (const key of ['echoCancellation', 'noiseSuppression', 'autoGainControl'] as const) expect(onSettings[key], key).to.equal(directSettings[key]);
    if (navigator.userAgent.includes('Chrome')) expect(onSettings).to.include({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
    await phone.dispose();
    await settle();
  });
});

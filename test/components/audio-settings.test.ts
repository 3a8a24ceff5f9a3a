import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/vc-phone.js';
import type { VcAudioSettings } from '../../src/components/audio-settings/audio-settings.js';
import type { VcPhone } from '../../src/components/phone/phone-element.js';
import { memoryStorage } from '../../src/phone/store.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { deepQueryAll, getByRole, settled, textOf, until } from './helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const options = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.textContent.trim());

async function click(target: HTMLElement) {
  const rect = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

async function settings(phone: FakePhone) {
  const el = await fixture<VcAudioSettings>(html`<vc-audio-settings .phone=${phone}></vc-audio-settings>`);
  await until(() => phone.audio.devices.length > 0, 'devices listed');
  await settled(el);
  return el;
}

describe('<vc-audio-settings>', () => {
  it('lists the microphones and outputs by name, the system default first, and is accessible', async () => {
    const el = await settings(new FakePhone());
    expect(options(part(el, 'microphone-select'))).to.deep.equal(['System default', 'Jabra Evolve2 40 (USB)', 'MacBook Pro Microphone']);
    expect(options(part(el, 'speaker-select'))).to.deep.equal(['System default', 'Jabra Evolve2 40 (USB)', 'MacBook Pro Speakers']);
    expect(options(part(el, 'ringer-select'))).to.deep.equal(['System default', 'Jabra Evolve2 40 (USB)', 'MacBook Pro Speakers']);
    getByRole(el, 'button', 'Test your audio');
    await expect(el).to.be.accessible();
  });

  it('chooses the microphone with the keyboard: the phone uses it (a live call switches) and remembers it', async () => {
    const storage = memoryStorage();
    const phone = new FakePhone({}, { storage });
    await phone.callInState('connected');
    const el = await settings(phone);
    part(el, 'microphone-select').focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => phone.audio.microphone?.id === 'mic-headset', 'the headset chosen');
    expect(phone.audioChanges).to.deep.equal(['microphone']);
    expect(new FakePhone({}, { storage }).audio.chosen.microphoneId).to.equal('mic-headset');
  });

  it('switches voice processing with the keyboard (Space on the checkbox) and remembers it', async () => {
    const phone = new FakePhone();
    const el = await settings(phone);
    const box = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[1];
    expect(box.checked).to.equal(true);
    box.focus();
    await sendKeys({ press: 'Space' });
    await until(() => phone.audio.processing.noiseSuppression === false, 'noise suppression off');
    expect(phone.audio.processing).to.deep.equal({ echoCancellation: true, noiseSuppression: false, autoGainControl: true });
  });

  it('says so, in a live region, when the microphone in use is unplugged', async () => {
    const phone = new FakePhone();
    const el = await settings(phone);
    await phone.audio.useMicrophone('mic-headset');
    phone.mediaDevices.unplug('mic-headset');
    await until(() => textOf(part(el, 'notice')).includes('no longer available'), 'the notice');
    expect(part(el, 'notice').getAttribute('role')).to.equal('status');
    expect(textOf(part(el, 'notice'))).to.equal('The microphone "Jabra Evolve2 40 (USB)" is no longer available: the system\'s default microphone is used instead.');
    expect((part(el, 'microphone-select') as HTMLSelectElement).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('where the browser cannot choose the output, says so in words instead of a list', async () => {
    const el = await settings(new FakePhone({}, { canChooseOutput: false }));
    expect(part(el, 'speaker-select')).to.equal(null);
    expect(textOf(part(el, 'speaker-unsupported'))).to.match(/plays calls on the system's default output/);
    await expect(el).to.be.accessible();
  });

  it('without names (microphone not allowed yet) offers to show them', async () => {
    const phone = new FakePhone();
    phone.mediaDevices.hideLabels = true;
    const el = await settings(phone);
    expect(options(part(el, 'microphone-select'))).to.deep.equal(['System default', 'Microphone 1', 'Microphone 2']);
    getByRole(el, 'button', 'Show device names');
    await expect(el).to.be.accessible();
  });

  it('"Test your audio" (a real click) shows the report, a line per item in words, with what to fix', async () => {
    const phone = new FakePhone();
    phone.checkReport = {
      status: 'fail',
      startedAt: 0,
      endedAt: 1,
      items: [
        { id: 'microphone', status: 'warn', message: '"Jabra" is allowed, but nothing was heard from it.', fix: 'Check the microphone is not muted.' },
        { id: 'server', status: 'fail', message: 'The SIP server sip.example.invalid could not be reached.', fix: 'Check the server address.' },
      ],
    };
    const events: string[] = [];
    phone.addEventListener('vc-audio-check', (e) => events.push(e.detail.report.status));
    const el = await settings(phone);
    await click(getByRole(el, 'button', 'Test your audio'));
    await until(() => el.shadowRoot!.querySelectorAll('[part="check-report"] li').length === 2, 'the report');
    await settled(el);
    const lines = [...el.shadowRoot!.querySelectorAll('[part="check-report"] li')].map(textOf);
    expect(lines).to.deep.equal([
      'Warning: Microphone. "Jabra" is allowed, but nothing was heard from it. Check the microphone is not muted.',
      'Problem: SIP server. The SIP server sip.example.invalid could not be reached. Check the server address.',
    ]);
    expect(textOf(part(el, 'check-status'))).to.equal('Audio test: problems found');
    expect(events).to.deep.equal(['fail']);
    await expect(el).to.be.accessible();
  });
});

describe('<vc-phone> audio settings entry', () => {
  it('"Audio settings" opens and closes the panel (aria-expanded), which works on the phone', async () => {
    const phone = new FakePhone();
    const el = await fixture<VcPhone>(html`<vc-phone silent .phone=${phone}></vc-phone>`);
    const toggle = getByRole(el, 'button', 'Audio settings');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(deepQueryAll(el, 'vc-audio-settings')).to.have.length(0);
    await click(toggle);
    await settled(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const [panel] = deepQueryAll<VcAudioSettings>(el, 'vc-audio-settings');
    await until(() => phone.audio.devices.length > 0, 'devices listed');
    await settled(el);
    expect(options(part(panel, 'microphone-select'))).to.include('MacBook Pro Microphone');
    await expect(el).to.be.accessible();
    await click(toggle);
    await settled(el);
    expect(deepQueryAll(el, 'vc-audio-settings')).to.have.length(0);
  });
});

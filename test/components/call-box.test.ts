import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/call-box/vc-call-box.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import type { VcBoxCloseEvent, VcColorChangeEvent, VcMuteChangeEvent } from '../../src/events/user-events.js';
import type { Call } from '../../src/phone/call.js';
import { memoryStorage } from '../../src/phone/store.js';
import type { CallState } from '../../src/phone/types.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { setStrings } from '../../src/i18n/strings.js';
import { byRole, deepActiveElement, getByRole, queryByRole, settled, textOf, until } from './helpers.js';

async function boxFor(call: Call, phone: FakePhone) {
  const el = await fixture<VcCallBox>(html`<vc-call-box silent .call=${call} .phone=${phone}></vc-call-box>`);
  await settled(el);
  return el;
}

async function boxInState(state: CallState, failStatus?: number, phone = new FakePhone()) {
  const call = await phone.callInState(state, '+44 20 7946 0958', failStatus);
  await settle();
  return { phone, call, el: await boxFor(call, phone) };
}

const statusText = (el: VcCallBox) => textOf(el.shadowRoot!.querySelector('[part="status"]'));
const timerText = (el: VcCallBox) => textOf(el.shadowRoot!.querySelector('[part="timer"]'));
const announced = (el: VcCallBox) => textOf(el.shadowRoot!.querySelector('[role="status"]'));
const keyNames = ['1', '2 ABC', '3 DEF', '4 GHI', '5 JKL', '6 MNO', '7 PQRS', '8 TUV', '9 WXYZ', '*', '0 +', '#'];

describe('<vc-call-box>', () => {
  it('is a group named after the far party, scoping its controls', async () => {
    const { el } = await boxInState('ringing');
    const group = getByRole(el, 'group', 'Call with +44 20 7946 0958');
    expect(textOf(group)).to.contain('+44 20 7946 0958');
    expect(group.contains(getByRole(el, 'button', 'Close'))).to.equal(true);
  });

  it('says "Hanging up…" until the far end confirms the hang-up, then Ended', async () => {
    const phone = new FakePhone({}, { hangupDelayMs: 60 });
    const { el, call } = await boxInState('connected', undefined, phone);
    call.hangup();
    await settled(el);
    expect(statusText(el)).to.equal('Hanging up…');
    expect(call.state).to.equal('connected');
    await until(() => call.state === 'ended', 'the far end confirmed');
    await settled(el);
    expect(statusText(el)).to.equal('Ended: You hung up.');
  });

  it('uses a translated outcome from the strings table, else the phone\'s words', async () => {
    setStrings({ outcomes: { busy: 'Besetzt.' } });
    try {
      const { el } = await boxInState('failed', 486);
      expect(statusText(el)).to.equal('Ended: Besetzt.');
      const notFound = await boxInState('failed', 404);
      expect(statusText(notFound.el)).to.equal('Ended: The number is not reachable (not found). Check the number.');
    } finally {
      setStrings({ outcomes: {} });
    }
  });

  it('shows Dialing while the INVITE is on its way', async () => {
    const phone = new FakePhone({}, { autoRing: false });
    const call = await phone.call('+44 20 7946 0958');
    const el = await boxFor(call, phone);
    expect(statusText(el)).to.equal('Dialing');
    expect(el.getAttribute('call-state')).to.equal('dialing');
    expect(el.matches(':state(dialing)')).to.equal(true);
    expect(queryByRole(el, 'button', 'Mute')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows Ringing, and Ringing (early media), and announces them', async () => {
    const phone = new FakePhone({}, { autoRing: false });
    const call = await phone.call('+44 20 7946 0958');
    await settle();
    const el = await boxFor(call, phone);
    phone.far(call).ring();
    await settled(el);
    expect(statusText(el)).to.equal('Ringing');
    expect(announced(el)).to.equal('Ringing');
    expect(el.matches(':state(ringing)')).to.equal(true);
    await expect(el).to.be.accessible();
    phone.far(call).earlyMedia();
    await settled(el);
    expect(statusText(el)).to.equal('Ringing (early media)');
    expect(el.getAttribute('call-state')).to.equal('early-media');
  });

  it('shows Connected with a timer that ticks, then stops at the end', async () => {
    const { el, phone, call } = await boxInState('ringing');
    phone.far(call).answer();
    await settled(el);
    expect(statusText(el)).to.equal('Connected');
    expect(announced(el)).to.equal('Connected');
    expect(el.matches(':state(connected)')).to.equal(true);
    expect(timerText(el)).to.equal('00:00');
    await until(() => timerText(el) === '00:01', 'the timer ticks', 2500);
    await expect(el).to.be.accessible();
    phone.far(call).hangUp();
    await settled(el);
    expect(statusText(el)).to.equal('Ended: The other party hung up.');
    expect(announced(el)).to.equal('Call ended: The other party hung up.');
    expect(timerText(el)).to.equal('Duration 00:01');
    await aTimeout(1100);
    expect(timerText(el)).to.equal('Duration 00:01');
    await expect(el).to.be.accessible();
  });

  const failures: Array<[number, string]> = [
    [486, 'Ended: The line is busy.'],
    [404, 'Ended: The number is not reachable (not found). Check the number.'],
    [480, 'Ended: The person called is unavailable right now.'],
  ];
  for (const [status, words] of failures) {
    it(`shows "${words}" for a ${status}`, async () => {
      const { el } = await boxInState('failed', status);
      expect(statusText(el)).to.equal(words);
      expect(el.getAttribute('call-state')).to.equal('failed');
      expect(el.matches(':state(failed)')).to.equal(true);
      expect(queryByRole(el, 'button', 'Close')).to.equal(undefined);
      getByRole(el, 'button', 'Remove');
      await expect(el).to.be.accessible();
    });
  }

  it('says how to fix a denied microphone, as an alert', async () => {
    const phone = new FakePhone();
    phone.microphone = 'denied';
    const call = await phone.call('+44 20 7946 0958');
    await settle();
    const el = await boxFor(call, phone);
    expect(statusText(el)).to.equal('Ended: Microphone problem');
    const alert = byRole(el, 'alert');
    expect(alert.length).to.equal(1);
    expect(textOf(alert[0])).to.contain('Allow the microphone for this site');
    expect(textOf(alert[0])).to.contain('allow="microphone"');
    await expect(el).to.be.accessible();
  });

  it('says when there is no microphone', async () => {
    const phone = new FakePhone({}, { microphone: 'missing' });
    const call = await phone.call('+44 20 7946 0958');
    await settle();
    const el = await boxFor(call, phone);
    expect(textOf(byRole(el, 'alert')[0])).to.contain('No microphone was found');
  });

  describe('mute', () => {
    it('toggles the microphone, with aria-pressed and the name "Mute"', async () => {
      const { el, phone, call } = await boxInState('connected');
      const mute = getByRole(el, 'button', 'Mute');
      expect(mute.getAttribute('aria-pressed')).to.equal('false');
      const event = oneEvent(el, 'vc-mute-change');
      mute.click();
      expect(((await event) as unknown as VcMuteChangeEvent).detail).to.deep.equal({ callId: call.id, muted: true });
      await settled(el);
      expect(getByRole(el, 'button', 'Mute').getAttribute('aria-pressed')).to.equal('true');
      expect(phone.far(call).microphoneEnabled).to.equal(false);
      expect(el.matches(':state(muted)')).to.equal(true);
      await expect(el).to.be.accessible();
      getByRole(el, 'button', 'Mute').click();
      await settled(el);
      expect(getByRole(el, 'button', 'Mute').getAttribute('aria-pressed')).to.equal('false');
      expect(phone.far(call).microphoneEnabled).to.equal(true);
    });
  });

  describe('dialpad', () => {
    it('has the 12 keys, named by their symbol, only while connected', async () => {
      const { el, phone, call } = await boxInState('ringing');
      expect(queryByRole(el, 'button', '5 JKL')).to.equal(undefined);
      phone.far(call).answer();
      await settled(el);
      const dialpad = el.shadowRoot!.querySelector('vc-dialpad')!;
      expect(byRole(dialpad, 'button').map((key) => textOf(key))).to.deep.equal(keyNames);
      for (const name of keyNames) expect((getByRole(el, 'button', name) as HTMLButtonElement).disabled).to.equal(false);
    });

    it('sends clicked keys to the far end in order, with a vc-dtmf event each', async () => {
      const { el, phone, call } = await boxInState('connected');
      const events: string[] = [];
      el.addEventListener('vc-dtmf', (event) => events.push(event.detail.digit));
      for (const name of ['1', '0 +', '#', '*', '9 WXYZ']) getByRole(el, 'button', name).click();
      await until(() => phone.far(call).digits.length === 5, 'five digits at the far end');
      expect(phone.far(call).digits).to.deep.equal(['1', '0', '#', '*', '9']);
      expect(events).to.deep.equal(['1', '0', '#', '*', '9']);
    });

    it('flashes the pressed key', async () => {
      const { el } = await boxInState('connected');
      const key = getByRole(el, 'button', '5 JKL');
      key.click();
      await settled(el);
      expect(key.classList.contains('pressed')).to.equal(true);
      await until(() => !key.classList.contains('pressed'), 'feedback ends');
    });

    it('sends digits typed fast while focus is in the box, none lost', async () => {
      const { el, phone, call } = await boxInState('connected');
      getByRole(el, 'button', 'Mute').focus();
      await sendKeys({ type: '0123456789*#' });
      await until(() => phone.far(call).digits.length === 12, 'all twelve digits');
      expect(phone.far(call).digits.join('')).to.equal('0123456789*#');
    });

    it('sends digits typed on a focused key once', async () => {
      const { el, phone, call } = await boxInState('connected');
      getByRole(el, 'button', '1').focus();
      await sendKeys({ type: '42' });
      await until(() => phone.far(call).digits.length === 2, 'two digits');
      await aTimeout(20);
      expect(phone.far(call).digits).to.deep.equal(['4', '2']);
    });

    it('plays a key tone unless silent', async () => {
      const { el, phone, call } = await boxInState('connected');
      el.silent = false;
      await settled(el);
      getByRole(el, 'button', '3 DEF').click();
      await until(() => phone.far(call).digits.length === 1, 'digit sent with the tone on');
    });
  });

  describe('colour tag', () => {
    it('tags the box with a named colour that survives a reload', async () => {
      const storage = memoryStorage();
      const phone = new FakePhone({}, { storage });
      const call = await phone.callInState('connected');
      const el = await boxFor(call, phone);
      const trigger = getByRole(el, 'button', 'Colour tag: No colour');
      trigger.click();
      await settled(el);
      expect(trigger.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
      const green = getByRole(el, 'radio', 'Green');
      const event = oneEvent(el, 'vc-color-change');
      green.click();
      expect(((await event) as unknown as VcColorChangeEvent).detail).to.deep.equal({ callId: call.id, color: 'green' });
      await settled(el);
      expect(call.color).to.equal('green');
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('data-color')).to.equal('green');
      getByRole(el, 'button', 'Colour tag: Green');
      const stripe = el.shadowRoot!.querySelector('[part="stripe"]')!;
      expect(getComputedStyle(stripe).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');

      const reloaded = new FakePhone({}, { storage });
      const again = await boxFor(reloaded.calls[0], reloaded);
      getByRole(again, 'button', 'Colour tag: Green');
    });

    it('is picked with the keyboard: arrows choose, Enter closes', async () => {
      const { el, call } = await boxInState('connected');
      getByRole(el, 'button', 'Colour tag: No colour').focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(call.color).to.equal('green');
      expect(deepActiveElement()).to.equal(getByRole(el, 'button', 'Colour tag: Green'));
      expect(queryByRole(el, 'radio', 'Blue')).to.equal(undefined);
    });
  });

  describe('close and remove', () => {
    it('asks before hanging up: focus in the dialog, Cancel keeps the call and gives focus back', async () => {
      const { el, phone, call } = await boxInState('connected');
      const close = getByRole(el, 'button', 'Close');
      close.click();
      await settled(el);
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.contains(deepActiveElement())).to.equal(true);
      getByRole(el, 'button', 'Hang up');
      getByRole(el, 'checkbox', "Don't show this again");
      await expect(el).to.be.accessible();
      getByRole(el, 'button', 'Cancel').click();
      await settled(el);
      expect(dialog.open).to.equal(false);
      expect(call.state).to.equal('connected');
      expect(phone.far(call).hungUpWith).to.equal(undefined);
      expect(deepActiveElement()).to.equal(close);
    });

    it('Escape cancels the dialog', async () => {
      const { el, call } = await boxInState('connected');
      getByRole(el, 'button', 'Close').click();
      await settled(el);
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
      expect(call.state).to.equal('connected');
      await until(() => deepActiveElement() === getByRole(el, 'button', 'Close'), 'focus back on the X');
    });

    it('Hang up ends the call; the box stays with the outcome and a Remove button', async () => {
      const { el, phone, call } = await boxInState('connected');
      getByRole(el, 'button', 'Close').click();
      await settled(el);
      const closed = oneEvent(el, 'vc-box-close');
      getByRole(el, 'button', 'Hang up').click();
      expect(((await closed) as unknown as VcBoxCloseEvent).detail).to.deep.equal({ callId: call.id, hangup: true });
      await settled(el);
      expect(phone.far(call).hungUpWith).to.equal('bye');
      expect(statusText(el)).to.equal('Ended: You hung up.');
      expect(phone.confirmClose).to.equal(true);
      expect(deepActiveElement()).to.equal(getByRole(el, 'button', 'Remove'));
      await expect(el).to.be.accessible();
    });

    it('cancels a ringing call (CANCEL) after the dialog', async () => {
      const { el, phone, call } = await boxInState('ringing');
      getByRole(el, 'button', 'Close').click();
      await settled(el);
      getByRole(el, 'button', 'Hang up').click();
      await settled(el);
      expect(phone.far(call).hungUpWith).to.equal('cancel');
      expect(statusText(el)).to.match(/^Ended: /);
    });

    it('remembers "Don\'t show this again": the next close hangs up without asking', async () => {
      const storage = memoryStorage();
      const { el, phone, call } = await boxInState('connected', undefined, new FakePhone({}, { storage }));
      getByRole(el, 'button', 'Close').click();
      await settled(el);
      getByRole(el, 'checkbox', "Don't show this again").click();
      getByRole(el, 'button', 'Hang up').click();
      await settled(el);
      expect(call.state).to.equal('ended');
      expect(phone.confirmClose).to.equal(false);

      const later = new FakePhone({}, { storage });
      expect(later.confirmClose).to.equal(false);
      const second = await later.callInState('connected');
      const box = await boxFor(second, later);
      getByRole(box, 'button', 'Close').click();
      await settled(box);
      expect(box.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
      expect(second.state).to.equal('ended');
      expect(later.far(second).hungUpWith).to.equal('bye');
    });

    it('Remove deletes a finished call for good', async () => {
      const { el, phone, call } = await boxInState('failed', 486);
      const removed = oneEvent(el, 'vc-box-remove');
      getByRole(el, 'button', 'Remove').click();
      expect((await removed).detail).to.deep.equal({ callId: call.id });
      expect(phone.calls.length).to.equal(0);
    });
  });

  it('finds its call by call-id in the phone', async () => {
    const phone = new FakePhone();
    const call = await phone.callInState('connected');
    const el = await fixture<VcCallBox>(html`<vc-call-box silent .phone=${phone} call-id=${call.id}></vc-call-box>`);
    await settled(el);
    expect(statusText(el)).to.equal('Connected');
  });

  it('shows a call cut by a reload as ended by the reload', async () => {
    const storage = memoryStorage();
    const before = new FakePhone({}, { storage });
    const call = await before.callInState('connected');
    const after = new FakePhone({}, { storage });
    const restored = after.getCall(call.id)!;
    const el = await boxFor(restored, after);
    expect(statusText(el)).to.equal('Ended: The page was reloaded during the call.');
    getByRole(el, 'button', 'Remove');
    expect(announced(el)).to.equal('');
    await expect(el).to.be.accessible();
  });
});

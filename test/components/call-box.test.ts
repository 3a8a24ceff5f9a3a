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
import { byRole, deepActiveElement, getByRole, nameOf, queryByRole, settled, textOf, until, mouseClick } from './helpers.js';

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
const detailText = (el: VcCallBox) => textOf(el.shadowRoot!.querySelector('[part="detail"]'));
/** The chip and the detail line, as a person reads them. */
const stateWords = (el: VcCallBox) => [statusText(el), detailText(el)].filter(Boolean).join(': ');
/** Opens the keypad with its toggle, as the agent does. */
async function openKeypad(el: VcCallBox) {
  getByRole(el, 'button', 'Keypad').click();
  await settled(el);
}
/** The confirmation dialog's Hang up (the box has its own Hang up too). */
const dialogHangUp = (el: VcCallBox) => getByRole(el.shadowRoot!.querySelector('dialog')!, 'button', 'Hang up');
/** A real mouse click in the middle of an element (pointer events, not .click()). */
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
    // The far end would confirm only after an hour: the test confirms it itself, so no timing window.
    const phone = new FakePhone({}, { hangupDelayMs: 3_600_000 });
    const { el, call } = await boxInState('connected', undefined, phone);
    getByRole(el, 'button', 'Hang up').click();
    await settled(el);
    expect(statusText(el)).to.equal('Hanging up…');
    expect(call.state).to.equal('connected');
    expect(getByRole(el, 'button', 'Hang up').getAttribute('aria-disabled')).to.equal('true');
    phone.far(call).hangupFromCaller();
    await until(() => call.state === 'ended', 'the far end confirmed');
    await settled(el);
    expect(stateWords(el)).to.equal('Ended: You hung up.');
  });

  it('has a red Hang up button (36 px or more) in the controls, in the tab order Mute, Hold, Transfer, Hang up, Keypad, Colour, Close', async () => {
    const { el, phone, call } = await boxInState('connected');
    const hangUp = getByRole(el, 'button', 'Hang up');
    expect(hangUp.getBoundingClientRect().height).to.be.at.least(36);
    expect(hangUp.getBoundingClientRect().width).to.be.at.least(36);
    const names: string[] = [];
    getByRole(el, 'button', 'Mute').focus();
    for (let i = 0; i < 7; i++) {
      names.push(nameOf(deepActiveElement()!));
      await sendKeys({ press: 'Tab' });
    }
    expect(names).to.deep.equal(['Mute', 'Hold', 'Transfer', 'Hang up', 'Keypad', 'Colour tag: No colour', 'Close']);
    const closed = oneEvent(el, 'vc-box-close');
    await mouseClick(getByRole(el, 'button', 'Hang up'));
    expect(((await closed) as unknown as VcBoxCloseEvent).detail).to.deep.equal({ callId: call.id, hangup: true });
    await settled(el);
    expect(phone.far(call).hungUpWith).to.equal('bye');
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    await until(() => deepActiveElement() === queryByRole(el, 'button', 'Remove'), 'focus on the bin');
  });

  it('shows the CRM label as the title and the number as a second line, both ellipsized with the full text on hover', async () => {
    const { el, call } = await boxInState('connected');
    Object.defineProperty(call, 'label', { value: 'Alexandra Konstantinopoulou-Featherstonehaugh of Acme Logistics', configurable: true });
    el.style.width = '320px';
    el.requestUpdate();
    await settled(el);
    getByRole(el, 'group', 'Call with Alexandra Konstantinopoulou-Featherstonehaugh of Acme Logistics');
    const party = el.shadowRoot!.querySelector<HTMLElement>('[part="party"]')!;
    const number = el.shadowRoot!.querySelector<HTMLElement>('[part="number"]')!;
    expect(party.title).to.equal('Alexandra Konstantinopoulou-Featherstonehaugh of Acme Logistics');
    expect(party.scrollWidth).to.be.greaterThan(party.clientWidth);
    expect(textOf(number)).to.equal('+44 20 7946 0958');
    expect(number.scrollWidth).to.equal(number.clientWidth);
    // The colour swatch never covers the number.
    const swatch = el.shadowRoot!.querySelector('vc-color-tag')!.getBoundingClientRect();
    const numberBox = number.getBoundingClientRect();
    expect(swatch.top >= numberBox.bottom || swatch.bottom <= numberBox.top || swatch.left >= numberBox.right).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('uses a translated outcome from the strings table, else the phone\'s words', async () => {
    setStrings({ outcomes: { busy: 'Besetzt.' } });
    try {
      const { el } = await boxInState('failed', 486);
      expect(stateWords(el)).to.equal('Busy: Besetzt. · SIP 486');
      const notFound = await boxInState('failed', 404);
      expect(stateWords(notFound.el)).to.equal('Not found: The number is not reachable (not found). Check the number. · SIP 404');
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
    expect(stateWords(el)).to.equal('Ringing: Ringing (early media)');
    expect(el.getAttribute('call-state')).to.equal('early-media');
  });

  it('shows Connected with a timer that ticks, then stops at the end', async () => {
    const { el, phone, call } = await boxInState('ringing');
    const answeredBefore = Date.now();
    phone.far(call).answer();
    // The render the answer causes (not one after the box's transitions, which a loaded machine
    // may stretch past a second) starts the talk time at zero.
    await el.updateComplete;
    expect(timerText(el)).to.equal('00:00');
    await settled(el);
    expect(statusText(el)).to.equal('Connected');
    expect(announced(el)).to.equal('Connected');
    expect(el.matches(':state(connected)')).to.equal(true);
    await until(() => timerText(el) === '00:01', 'the timer ticks', 2500);
    await expect(el).to.be.accessible();
    phone.far(call).hangUp();
    const hungUpAfter = Date.now();
    await settled(el);
    expect(stateWords(el)).to.equal('Ended: The other party hung up.');
    expect(announced(el)).to.equal('Call ended: The other party hung up.');
    // The call's talk time, whole seconds: at least the one the timer showed, more when the
    // accessibility check above took over a second (a loaded machine), so it is read, not assumed.
    expect(call.durationMs).to.be.within(1000, hungUpAfter - answeredBefore);
    const duration = `Duration 00:${String(Math.floor(call.durationMs / 1000)).padStart(2, '0')}`;
    expect(timerText(el)).to.equal(duration);
    await aTimeout(1100);
    expect(timerText(el), 'the timer stopped at the end').to.equal(duration);
    await expect(el).to.be.accessible();
  });

  const failures: Array<[number, string]> = [
    [486, 'Busy: The line is busy. · SIP 486'],
    [404, 'Not found: The number is not reachable (not found). Check the number. · SIP 404'],
    [480, 'No answer: The person called is unavailable right now. · SIP 480'],
    [603, 'Declined: The call was declined. · SIP 603'],
  ];
  for (const [status, words] of failures) {
    it(`shows "${words}" for a ${status}`, async () => {
      const { el } = await boxInState('failed', status);
      expect(stateWords(el)).to.equal(words);
      expect(statusText(el)).to.not.equal('Ended'); // "Ended" is only for calls that connected
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
    expect(stateWords(el)).to.equal('Microphone: Microphone problem');
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
      expect(queryByRole(el, 'button', 'Keypad')).to.equal(undefined);
      phone.far(call).answer();
      await settled(el);
      expect(queryByRole(el, 'button', '5 JKL')).to.equal(undefined);
      const toggle = getByRole(el, 'button', 'Keypad');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      await openKeypad(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
      const dialpad = el.shadowRoot!.querySelector('vc-dialpad')!;
      expect(byRole(dialpad, 'button').map((key) => textOf(key))).to.deep.equal(keyNames);
      for (const name of keyNames) expect((getByRole(el, 'button', name) as HTMLButtonElement).disabled).to.equal(false);
    });

    it('sends clicked keys to the far end in order, with a vc-dtmf event each', async () => {
      const { el, phone, call } = await boxInState('connected');
      await openKeypad(el);
      const events: string[] = [];
      el.addEventListener('vc-dtmf', (event) => events.push(event.detail.digit));
      for (const name of ['1', '0 +', '#', '*', '9 WXYZ']) getByRole(el, 'button', name).click();
      await until(() => phone.far(call).digits.length === 5, 'five digits at the far end');
      expect(phone.far(call).digits).to.deep.equal(['1', '0', '#', '*', '9']);
      expect(events).to.deep.equal(['1', '0', '#', '*', '9']);
      await settled(el);
      expect(textOf(el.shadowRoot!.querySelector('[part="readout"]'))).to.equal('Sent: 10#*9');
    });

    it('is one Tab stop: arrow keys move between keys like on the pad', async () => {
      const { el, phone, call } = await boxInState('connected');
      await openKeypad(el);
      getByRole(el, 'button', 'Close').focus();
      await sendKeys({ press: 'Tab' });
      expect(nameOf(deepActiveElement()!)).to.equal('1');
      await sendKeys({ press: 'ArrowRight' });
      expect(nameOf(deepActiveElement()!)).to.equal('2 ABC');
      await sendKeys({ press: 'ArrowDown' });
      expect(nameOf(deepActiveElement()!)).to.equal('5 JKL');
      await sendKeys({ press: 'End' });
      expect(nameOf(deepActiveElement()!)).to.equal('#');
      await sendKeys({ press: 'Enter' });
      await until(() => phone.far(call).digits.length === 1, 'the focused key sent');
      expect(phone.far(call).digits).to.deep.equal(['#']);
      await sendKeys({ press: 'Tab' });
      expect(nameOf(deepActiveElement()!)).to.not.match(/^[0-9*#]/); // one Tab leaves the keypad
      await sendKeys({ press: 'Shift+Tab' });
      expect(nameOf(deepActiveElement()!)).to.equal('#'); // and comes back to the last key used
    });

    it('says in words why a hold was refused, and keeps showing the call as it really is', async () => {
      const { el, phone, call } = await boxInState('connected');
      phone.far(call).refuseNextHold = 488;
      await mouseClick(getByRole(el, 'button', 'Hold'));
      await until(() => !!el.shadowRoot!.querySelector('[part="hold-problem"]'), 'the refusal in words');
      await settled(el);
      expect(textOf(el.shadowRoot!.querySelector('[part="hold-problem"]'))).to.equal('Could not put the call on hold. The other side could not accept the audio change (488). The call is unchanged.');
      expect(statusText(el)).to.equal('Connected');
      getByRole(el, 'button', 'Hold');
      await expect(el).to.be.accessible();
      await mouseClick(getByRole(el, 'button', 'Hold'));
      await until(() => call.held, 'held at the second try');
      await settled(el);
      expect(el.shadowRoot!.querySelector('[part="hold-problem"]')).to.equal(null);
    });

    it('says why a hold was refused in the box\'s own language', async () => {
      const { el, phone, call } = await boxInState('connected');
      el.setAttribute('lang', 'fr');
      await until(() => !!queryByRole(el, 'button', 'Attente'), 'the box in French');
      phone.far(call).refuseNextHold = 491;
      await mouseClick(getByRole(el, 'button', 'Attente'));
      await until(() => !!el.shadowRoot!.querySelector('[part="hold-problem"]'), 'the refusal in words');
      await settled(el);
      expect(textOf(el.shadowRoot!.querySelector('[part="hold-problem"]'))).to.equal(
        'Impossible de mettre l’appel en attente. L’autre partie modifiait l’appel au même moment (491). Réessayez.',
      );
    });

    it('says "Connected (reconnecting…)" while the connection to the server is down under the call', async () => {
      const { el, phone, call } = await boxInState('connected');
      phone.far(call).signallingInterrupted(true);
      await settled(el);
      expect(statusText(el)).to.equal('Connected (reconnecting…)');
      await expect(el).to.be.accessible();
      phone.far(call).signallingInterrupted(false);
      await settled(el);
      expect(statusText(el)).to.equal('Connected');
    });

    it('shortcuts, scoped to the box: M mutes, K toggles the keypad, H holds, Escape closes the keypad', async () => {
      const { el, call } = await boxInState('connected');
      el.focus();
      await sendKeys({ press: 'm' });
      await settled(el);
      expect(call.muted).to.equal(true);
      expect(textOf(el.shadowRoot!.querySelector('[part="muted-badge"]'))).to.equal('Muted');
      await sendKeys({ press: 'k' });
      await settled(el);
      expect(getByRole(el, 'button', 'Keypad').getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(getByRole(el, 'button', 'Keypad').getAttribute('aria-expanded')).to.equal('false');
      expect(deepActiveElement()).to.equal(getByRole(el, 'button', 'Keypad'));
      await sendKeys({ press: 'h' });
      await until(() => call.held === true, 'on hold');
      await settled(el);
      await settled(el);
      expect(statusText(el)).to.equal('On hold');
      getByRole(el, 'button', 'Resume');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'h' });
      await until(() => call.held === false, 'resumed');
      // Outside the box, the letters do nothing.
      const muted = call.muted;
      const outside = document.createElement('button');
      outside.textContent = 'Outside';
      document.body.append(outside);
      outside.focus();
      await sendKeys({ press: 'm' });
      await sendKeys({ press: 'k' });
      await settled(el);
      expect(call.muted).to.equal(muted);
      expect(getByRole(el, 'button', 'Keypad').getAttribute('aria-expanded')).to.equal('false');
      outside.remove();
    });

    it('flashes the pressed key', async () => {
      const { el } = await boxInState('connected');
      await openKeypad(el);
      const key = getByRole(el, 'button', '5 JKL');
      // The flash is short by design: watch for it rather than sample it, so a loaded machine
      // that renders late cannot miss it.
      let flashed = false;
      const watcher = new MutationObserver(() => (flashed ||= key.classList.contains('pressed')));
      watcher.observe(key, { attributes: true, attributeFilter: ['class'] });
      key.click();
      await until(() => flashed, 'the key flashes');
      watcher.disconnect();
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
      await openKeypad(el);
      getByRole(el, 'button', '1').focus();
      await sendKeys({ type: '42' });
      await until(() => phone.far(call).digits.length === 2, 'two digits');
      await aTimeout(20);
      expect(phone.far(call).digits).to.deep.equal(['4', '2']);
    });

    it('plays a key tone unless silent', async () => {
      const { el, phone, call } = await boxInState('connected');
      await openKeypad(el);
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
      expect(trigger.title).to.equal('Colour tag: No colour');
      await mouseClick(trigger);
      await settled(el);
      expect(trigger.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
      const green = getByRole(el, 'radio', 'Green');
      const event = oneEvent(el, 'vc-color-change');
      // A real pointer click on the colour's name (mousedown, mouseup, click with detail 1).
      await mouseClick(green.closest('label')!.querySelector('span:not(.check)')!);
      expect(((await event) as unknown as VcColorChangeEvent).detail).to.deep.equal({ callId: call.id, color: 'green' });
      await settled(el);
      expect(call.color).to.equal('green');
      expect(queryByRole(el, 'radio', 'Green')).to.equal(undefined); // the click closed the palette
      expect(deepActiveElement()).to.equal(getByRole(el, 'button', 'Colour tag: Green'));
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('data-color')).to.equal('green');
      getByRole(el, 'button', 'Colour tag: Green');
      const stripe = el.shadowRoot!.querySelector('[part="stripe"]')!;
      expect(getComputedStyle(stripe).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');

      const reloaded = new FakePhone({}, { storage });
      const again = await boxFor(reloaded.calls[0], reloaded);
      getByRole(again, 'button', 'Colour tag: Green');
    });

    it('opens its palette on screen: flipped toward the right near the left edge', async () => {
      const { el } = await boxInState('connected');
      el.style.cssText = 'position: fixed; left: 0; top: 0; width: 200px';
      await settled(el);
      await mouseClick(getByRole(el, 'button', 'Colour tag: No colour'));
      await settled(el);
      const menu = el.shadowRoot!.querySelector('vc-color-tag')!.shadowRoot!.querySelector('[part="menu"]')!.getBoundingClientRect();
      expect(menu.left).to.be.at.least(0);
      expect(menu.right).to.be.at.most(window.innerWidth);
      await mouseClick(getByRole(el, 'radio', 'Red').closest('label')!);
      await settled(el);
      getByRole(el, 'button', 'Colour tag: Red');
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
      dialogHangUp(el);
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
      dialogHangUp(el).click();
      expect(((await closed) as unknown as VcBoxCloseEvent).detail).to.deep.equal({ callId: call.id, hangup: true });
      await settled(el);
      expect(phone.far(call).hungUpWith).to.equal('bye');
      expect(stateWords(el)).to.equal('Ended: You hung up.');
      expect(phone.confirmClose).to.equal(true);
      expect(deepActiveElement()).to.equal(getByRole(el, 'button', 'Remove'));
      await expect(el).to.be.accessible();
    });

    it('cancels a ringing call (CANCEL) after the dialog', async () => {
      const { el, phone, call } = await boxInState('ringing');
      getByRole(el, 'button', 'Close').click();
      await settled(el);
      dialogHangUp(el).click();
      await settled(el);
      expect(phone.far(call).hungUpWith).to.equal('cancel');
      expect(stateWords(el)).to.equal('Cancelled: The call was cancelled before it was answered. · SIP 487');
    });

    it('remembers "Don\'t show this again": the next close hangs up without asking', async () => {
      const storage = memoryStorage();
      const { el, phone, call } = await boxInState('connected', undefined, new FakePhone({}, { storage }));
      getByRole(el, 'button', 'Close').click();
      await settled(el);
      getByRole(el, 'checkbox', "Don't show this again").click();
      dialogHangUp(el).click();
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

  it('follows the dark token set with theme: dark, accessibly', async () => {
    const { el } = await boxInState('connected');
    el.style.setProperty('--vc-color-scheme', 'dark');
    await settled(el);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(29, 33, 39)');
    await expect(el).to.be.accessible();
  });

  it('shows a call cut by a reload as ended by the reload', async () => {
    const storage = memoryStorage();
    const before = new FakePhone({}, { storage });
    const call = await before.callInState('connected');
    const after = new FakePhone({}, { storage });
    const restored = after.getCall(call.id)!;
    const el = await boxFor(restored, after);
    expect(stateWords(el)).to.equal('Ended: The page was reloaded during the call.');
    getByRole(el, 'button', 'Remove');
    expect(announced(el)).to.equal('');
    await expect(el).to.be.accessible();
  });
});

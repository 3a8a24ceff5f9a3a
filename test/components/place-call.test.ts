import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/place-call/vc-place-call.js';
import type { VcPlaceCall } from '../../src/components/place-call/place-call.js';
import type { VcCallRequestEvent } from '../../src/events/user-events.js';
import { setStrings } from '../../src/i18n/strings.js';
import type { CallTarget } from '../../src/phone/types.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { deepActiveElement, getByRole, queryByRole, settled, textOf, until } from './helpers.js';

/** A phone whose checks of what was typed finish only when the test lets them, in any order. */
class SlowCheckPhone extends FakePhone {
  private readonly held: Array<{ value: string; release: () => void; result: Promise<unknown> }> = [];
  private holding = true;

  override checkTarget(to: string): Promise<CallTarget> {
    if (!this.holding) return super.checkTarget(to);
    let release = () => {};
    const result = new Promise<void>((resolve) => (release = resolve)).then(() => super.checkTarget(to));
    this.held.push({ value: to, release, result });
    return result;
  }

  /** Lets the checks of `value` finish; resolves once they have. */
  async finishChecks(value: string): Promise<void> {
    const checks = this.held.filter((held) => held.value === value);
    for (const check of checks) {
      this.held.splice(this.held.indexOf(check), 1);
      check.release();
    }
    await Promise.allSettled(checks.map((check) => check.result));
  }

  /** Lets every check finish, now and from now on. */
  finishAllChecks(): void {
    this.holding = false;
    for (const check of this.held.splice(0)) check.release();
  }

  get checksRunning(): number {
    return this.held.length;
  }
}

async function placeCall(phone = new FakePhone()) {
  const el = await fixture<VcPlaceCall>(html`<vc-place-call .phone=${phone}></vc-place-call>`);
  return { el, phone };
}

async function openAndType(el: VcPlaceCall, text: string) {
  getByRole(el, 'button', 'Place call').click();
  await settled(el);
  await sendKeys({ type: text });
  await settled(el);
}

const field = (el: VcPlaceCall) => getByRole(el, 'textbox', 'Phone number') as HTMLInputElement;
const callButton = (el: VcPlaceCall) => getByRole(el, 'button', 'Call') as HTMLButtonElement;
/** The words under the field that the field points to with aria-describedby. */
const describedBy = (el: VcPlaceCall) => textOf(el.shadowRoot!.getElementById(field(el).getAttribute('aria-describedby')!));

describe('<vc-place-call>', () => {
  it('opens a "Phone number" field (tel keyboard, no autocomplete) with focus in it', async () => {
    const { el } = await placeCall();
    expect(queryByRole(el, 'textbox', 'Phone number')).to.equal(undefined);
    const toggle = getByRole(el, 'button', 'Place call');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await settled(el);
    const input = field(el);
    expect(input.getAttribute('inputmode')).to.equal('tel');
    expect(input.getAttribute('autocomplete')).to.equal('off');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(deepActiveElement()).to.equal(input);
    await expect(el).to.be.accessible();
  });

  it('warms the phone up when the field gets focus', async () => {
    const phone = new FakePhone();
    let warmed = 0;
    phone.prewarm = async () => void warmed++;
    const { el } = await placeCall(phone);
    getByRole(el, 'button', 'Place call').click();
    await settled(el);
    expect(warmed).to.equal(1);
  });

  it('formats an international number as it is typed and enables Call for it', async () => {
    const { el } = await placeCall();
    await openAndType(el, '+442079460958');
    await until(() => field(el).value === '+44 20 7946 0958', 'formatted');
    await until(() => !callButton(el).disabled, 'Call enabled');
    expect(field(el).getAttribute('aria-invalid')).to.equal('false');
    expect(describedBy(el)).to.contain('International format');
  });

  for (const target of ['sip:alice@example.com', 'tel:+14155550132']) {
    it(`enables Call for ${target}`, async () => {
      const { el } = await placeCall();
      await openAndType(el, target);
      await until(() => !callButton(el).disabled, 'Call enabled');
    });
  }

  it('does not call out the first digit, but says why an entry is invalid after a pause', async () => {
    const { el } = await placeCall();
    await openAndType(el, '0');
    expect(field(el).getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    await sendKeys({ type: '20 7946 0958' });
    expect(callButton(el).disabled).to.equal(true);
    await until(() => field(el).getAttribute('aria-invalid') === 'true', 'error shown after a pause');
    expect(describedBy(el)).to.match(/country code/);
    expect(callButton(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says why at once when the field is left', async () => {
    const { el } = await placeCall();
    await openAndType(el, '+44 20');
    field(el).blur();
    await settled(el);
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy(el)).to.match(/too short/);
  });

  it('refuses letters in words', async () => {
    const { el } = await placeCall();
    await openAndType(el, 'call me');
    await sendKeys({ press: 'Enter' });
    await until(() => /letters/.test(describedBy(el)), 'letters error');
    expect(callButton(el).disabled).to.equal(true);
  });

  it('shows a translated input error from the strings table, by code', async () => {
    setStrings({ inputErrors: { letters: 'Keine Buchstaben, bitte.' } });
    try {
      const { el } = await placeCall();
      await openAndType(el, 'call me');
      await sendKeys({ press: 'Enter' });
      await until(() => field(el).getAttribute('aria-invalid') === 'true', 'error shown');
      expect(describedBy(el)).to.equal('Keine Buchstaben, bitte.');
      // A code with no translation keeps the phone's own words.
      el.value = '+44 20';
      await until(() => /too short/.test(describedBy(el)), 'English words for an untranslated code');
    } finally {
      setStrings({ inputErrors: {} });
    }
  });

  it('judges the latest value: a check that finishes late for an older value changes nothing', async () => {
    const phone = new SlowCheckPhone();
    const el = await fixture<VcPlaceCall>(html`<vc-place-call .phone=${phone} open value="+44 20 7946 0958"></vc-place-call>`);
    await until(() => phone.checksRunning === 1, 'the first value is being checked');
    el.value = '+44 20';
    await until(() => phone.checksRunning === 2, 'the newer value is being checked');
    await phone.finishChecks('+44 20');
    await settled(el);
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    await phone.finishChecks('+44 20 7946 0958'); // valid, but no longer what is in the field
    await settled(el);
    expect(callButton(el).disabled).to.equal(true);
    expect(describedBy(el)).to.match(/too short/);
  });

  it('Enter typed before the check of the number has finished dials once it has', async () => {
    const phone = new SlowCheckPhone();
    const { el } = await placeCall(phone);
    await openAndType(el, '+442079460958');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(phone.calls.length).to.equal(0);
    phone.finishAllChecks();
    await until(() => phone.calls.length === 1, 'the call was placed');
    expect(phone.calls[0].target.e164).to.equal('+442079460958');
  });

  it('dials on Enter, after a vc-call-request event, and closes the field', async () => {
    const { el, phone } = await placeCall();
    await openAndType(el, '+44 20 7946 0958');
    const request = oneEvent(el, 'vc-call-request');
    await sendKeys({ press: 'Enter' });
    const event = (await request) as unknown as VcCallRequestEvent;
    expect(event.cancelable).to.equal(true);
    expect(event.detail.target.e164).to.equal('+442079460958');
    await until(() => phone.calls.length === 1, 'call placed');
    expect(phone.calls[0].target.display).to.equal('+44 20 7946 0958');
    await settled(el);
    expect(queryByRole(el, 'textbox', 'Phone number')).to.equal(undefined);
  });

  it('dials with the Call button', async () => {
    const { el, phone } = await placeCall();
    await openAndType(el, 'sip:alice@example.com');
    await until(() => !callButton(el).disabled, 'Call enabled');
    callButton(el).click();
    await until(() => phone.calls.length === 1, 'call placed');
    expect(phone.calls[0].target.uri).to.equal('sip:alice@example.com');
  });

  it('a double click on Call places one call, also when its second click comes once the first call is placed', async () => {
    const { el, phone } = await placeCall();
    await openAndType(el, '+44 20 7946 0958');
    await until(() => !callButton(el).disabled, 'Call enabled');
    let requests = 0;
    el.addEventListener('vc-call-request', () => requests++);
    // The second click of a double click lands as soon as Call is enabled again after the first
    // call is placed, before the field has closed (clicks faster than the test runner's mouse).
    const button = callButton(el);
    const secondClick = new MutationObserver(() => {
      if (phone.calls.length !== 1 || button.disabled || !button.isConnected) return;
      secondClick.disconnect();
      button.click();
    });
    secondClick.observe(button, { attributes: true, attributeFilter: ['disabled'] });
    button.click();
    // Once the field has closed after the first call, a second dial would have been placed already.
    await until(() => queryByRole(el, 'textbox', 'Phone number') === undefined, 'field closed');
    await settled(el);
    expect(phone.calls.length).to.equal(1);
    expect(requests).to.equal(1);
  });

  it('dials nothing when vc-call-request is prevented', async () => {
    const { el, phone } = await placeCall();
    el.addEventListener('vc-call-request', (event) => event.preventDefault());
    await openAndType(el, '+44 20 7946 0958');
    await until(() => !callButton(el).disabled, 'Call enabled');
    const request = oneEvent(el, 'vc-call-request');
    await sendKeys({ press: 'Enter' });
    await request;
    await settled(el);
    expect(phone.calls.length).to.equal(0);
    expect(phone.farEnds.length).to.equal(0);
  });

  it('closes on Escape and gives focus back to "Place call"', async () => {
    const { el } = await placeCall();
    await openAndType(el, '+44');
    await sendKeys({ press: 'Escape' });
    await settled(el);
    expect(queryByRole(el, 'textbox', 'Phone number')).to.equal(undefined);
    expect(deepActiveElement()).to.equal(getByRole(el, 'button', 'Place call'));
  });

  it('takes a prefilled value (click to call)', async () => {
    const phone = new FakePhone();
    const el = await fixture<VcPlaceCall>(html`<vc-place-call .phone=${phone} open value="+1 415 555 0132"></vc-place-call>`);
    await until(() => !callButton(el).disabled, 'Call enabled');
    expect(field(el).value).to.equal('+1 415 555 0132');
    el.value = '020 7946 0958';
    await until(() => field(el).getAttribute('aria-invalid') === 'true', 'invalid prefill called out');
    expect(callButton(el).disabled).to.equal(true);
  });

  it('is disabled, saying why, when calling is switched off', async () => {
    const phone = new FakePhone({ enabled: false, disabledReason: 'Calling is off during maintenance.' });
    const { el } = await placeCall(phone);
    const toggle = getByRole(el, 'button', 'Place call') as HTMLButtonElement;
    expect(toggle.disabled).to.equal(true);
    expect(textOf(el)).to.contain('Calling is off during maintenance.');
    phone.enabled = true;
    await settled(el);
    expect(toggle.disabled).to.equal(false);
    expect(textOf(el)).not.to.contain('maintenance');
    await expect(el).to.be.accessible();
  });

  it('says so when there is no phone', async () => {
    const el = await fixture<VcPlaceCall>(html`<vc-place-call></vc-place-call>`);
    expect((getByRole(el, 'button', 'Place call') as HTMLButtonElement).disabled).to.equal(true);
    expect(textOf(el)).to.contain('No phone');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/call-box/vc-call-box.js';
// The form itself (the box loads it on first use: test/components/lazy-transfer.test.ts).
import '../../src/components/transfer/vc-transfer.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { deepActiveElement, getByRole, queryByRole, settled, textOf, until, mouseClick } from './helpers.js';

/** A real mouse click in the middle of an element (pointer events, not .click()). */

async function connectedBox(phone = new FakePhone()) {
  const call = await phone.callInState('connected');
  const el = await fixture<VcCallBox>(html`<vc-call-box .phone=${phone} .call=${call}></vc-call-box>`);
  return { el, phone, call };
}

const transferOf = (el: VcCallBox) => el.shadowRoot!.querySelector('vc-transfer')!;

async function openAndType(el: VcCallBox, text: string) {
  await mouseClick(getByRole(transferOf(el), 'button', 'Transfer'));
  await settled(el);
  const input = getByRole(transferOf(el), 'textbox', 'Transfer to') as HTMLInputElement;
  expect(deepActiveElement()).to.equal(input, 'the field has focus once opened');
  await sendKeys({ type: text });
  await settled(el);
  return input;
}

describe('<vc-transfer> in <vc-call-box>', () => {
  it('formats what is typed like place-call, and "Transfer now" sends a blind transfer; the box then says Transferred', async () => {
    const { el, phone, call } = await connectedBox();
    const input = await openAndType(el, '+14155550132');
    await until(() => input.value === '+1 415 555 0132', `formatted as typed (got "${input.value}")`);
    await expect(el).to.be.accessible();
    await mouseClick(getByRole(transferOf(el), 'button', 'Transfer now'));
    await until(() => call.state === 'ended', 'the transfer went through');
    expect(phone.far(call).referredTo).to.deep.equal(['<sip:+14155550132@example.com>']);
    await settled(el);
    expect(textOf(el.shadowRoot!.querySelector('[part="status"]'))).to.equal('Transferred');
    expect(textOf(el.shadowRoot!.querySelector('[part="detail"]'))).to.contain('Transferred to +1 415 555 0132.');
  });

  it('refuses a national number in words (the buttons send nothing)', async () => {
    const { el, phone, call } = await connectedBox();
    const input = await openAndType(el, '020 7946 0958');
    await mouseClick(getByRole(transferOf(el), 'button', 'Transfer now'));
    await until(() => input.getAttribute('aria-invalid') === 'true', 'the field is marked invalid');
    expect(textOf(transferOf(el).shadowRoot!.querySelector('[part="error"]'))).to.match(/country code/);
    expect(phone.far(call).referredTo).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says why a refused transfer failed, and the call stays connected', async () => {
    const { el, phone, call } = await connectedBox();
    phone.far(call).transferScript = 403;
    await openAndType(el, '+14155550132');
    await sendKeys({ press: 'Tab' });
    expect(textOf(deepActiveElement())).to.equal('Transfer now', 'keyboard reaches Transfer now');
    await sendKeys({ press: 'Enter' });
    await until(() => call.transferStatus?.state === 'failed', 'the transfer failed');
    await settled(el);
    const problem = transferOf(el).shadowRoot!.querySelector('[part="problem"]');
    expect(problem?.getAttribute('role')).to.equal('alert');
    expect(textOf(problem)).to.match(/^Transfer failed: The other side refused to transfer the call \(403 forbidden\)/);
    expect(call.state).to.equal('connected');
    await expect(el).to.be.accessible();
  });

  it('Escape closes the field and puts focus back on Transfer', async () => {
    const { el } = await connectedBox();
    await openAndType(el, '+1');
    await sendKeys({ press: 'Escape' });
    await settled(el);
    expect(queryByRole(transferOf(el), 'textbox', 'Transfer to')).to.equal(undefined);
    expect(textOf(deepActiveElement())).to.equal('Transfer');
  });

  it('consult first: the caller is held, a second call is placed; "Transfer to" joins them, and cancel takes the caller back', async () => {
    const { el, phone, call } = await connectedBox();
    await openAndType(el, '+14155550132');
    await mouseClick(getByRole(transferOf(el), 'button', 'Consult first'));
    await until(() => phone.calls.length === 2, 'the consult call is placed');
    const consult = phone.calls[0];
    expect([call.held, consult.consultFor]).to.deep.equal([true, call.id]);
    await settled(el);
    expect(textOf(transferOf(el).shadowRoot!.querySelector('[part="status"]'))).to.equal('Calling +1 415 555 0132 to consult; the caller is on hold.');
    expect(getByRole(transferOf(el), 'button', 'Transfer to +1 415 555 0132').getAttribute('aria-disabled')).to.equal('true');
    phone.far(consult).answer();
    await until(() => getByRole(transferOf(el), 'button', 'Transfer to +1 415 555 0132').getAttribute('aria-disabled') === 'false', 'join offered once the consult call is connected');
    await expect(el).to.be.accessible();
    await mouseClick(getByRole(transferOf(el), 'button', 'Transfer to +1 415 555 0132'));
    await until(() => call.state === 'ended' && consult.state === 'ended', 'both calls handed over');
    expect(call.outcome?.reason).to.equal('transferred');
    expect(phone.far(call).referredTo[0]).to.match(/\?Replaces=/);
  });

  it('cancel the consult: it is hung up and the caller taken back', async () => {
    const { el, phone, call } = await connectedBox();
    await openAndType(el, '+14155550132');
    await mouseClick(getByRole(transferOf(el), 'button', 'Consult first'));
    await until(() => phone.calls.length === 2, 'the consult call is placed');
    await settled(el);
    await mouseClick(getByRole(transferOf(el), 'button', 'Cancel, back to the caller'));
    await until(() => !call.held && phone.calls[0].state === 'ended', 'back to the caller');
    await settle();
    expect(call.state).to.equal('connected');
  });
});

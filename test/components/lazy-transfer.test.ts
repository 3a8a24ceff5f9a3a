// <vc-call-box> without <vc-transfer> defined (the CDN build loads the form on first use): its own
// "Transfer" stands in; a real press loads the form (words if it can't, and a second press tries
// again) and opens the number field with focus in it. This file runs in a page of its own, where
// nothing has defined <vc-transfer> before.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/call-box/vc-call-box.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import { useTransferFormLoader } from '../../src/components/call-box/lazy-transfer.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { deepActiveElement, getByRole, settled, textOf, until, mouseClick } from './helpers.js';

describe('<vc-call-box>: the transfer form loads on first use', () => {
  after(() => useTransferFormLoader());

  it('a form that never arrives stops the wait at its deadline, in words', async function () {
    this.timeout(30_000);
    // A deadline long enough that the busy state is still there after a loaded machine's click.
    useTransferFormLoader(() => new Promise(() => undefined), 4_000);
    const phone = new FakePhone();
    const call = await phone.callInState('connected');
    const el = await fixture<VcCallBox>(html`<vc-call-box .phone=${phone} .call=${call}></vc-call-box>`);
    await mouseClick(getByRole(el, 'button', 'Transfer'));
    expect(getByRole(el, 'button', 'Transfer').getAttribute('aria-busy')).to.equal('true', 'busy while it loads');
    await until(() => el.shadowRoot!.querySelector('[part="transfer-problem"]') !== null, 'the words once the deadline passed', 15_000);
    expect(textOf(el.shadowRoot!.querySelector('[part="transfer-problem"]'))).to.equal('Transfer could not be loaded. Check the connection and try again.');
    expect(getByRole(el, 'button', 'Transfer').getAttribute('aria-busy')).to.equal('false');
  });

  it('a form that cannot load says so under "Transfer" (nothing wedges); the next press loads it and opens the field', async () => {
    let attempts = 0;
    // Idle prefetch and the first press both fail (as with a 404 or offline).
    useTransferFormLoader(() => {
      attempts += 1;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    });
    const phone = new FakePhone();
    const call = await phone.callInState('connected');
    const el = await fixture<VcCallBox>(html`<vc-call-box .phone=${phone} .call=${call}></vc-call-box>`);
    expect(customElements.get('vc-transfer')).to.equal(undefined, 'the form is not loaded by showing a call');
    const standIn = getByRole(el, 'button', 'Transfer');
    expect(standIn.getAttribute('part')).to.equal('transfer-button');
    await mouseClick(standIn);
    await until(() => el.shadowRoot!.querySelector('[part="transfer-problem"]') !== null, 'the words for a failed load');
    const problem = el.shadowRoot!.querySelector('[part="transfer-problem"]')!;
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(textOf(problem)).to.equal('Transfer could not be loaded. Check the connection and try again.');
    expect(getByRole(el, 'button', 'Transfer').getAttribute('aria-busy')).to.equal('false');
    expect(call.state).to.equal('connected');
    await settled(el); // the words fade in: judge their contrast once they are fully shown
    await expect(el).to.be.accessible();
    const failedAttempts = attempts;

    useTransferFormLoader(() => {
      attempts += 1;
      return import('../../src/components/transfer/vc-transfer.js');
    });
    await mouseClick(getByRole(el, 'button', 'Transfer'));
    await until(() => customElements.get('vc-transfer') !== undefined, 'the form is defined');
    expect(attempts).to.equal(failedAttempts + 1, 'the press tried again');
    const form = el.shadowRoot!.querySelector('vc-transfer')!;
    expect(form).to.not.equal(null);
    await until(() => deepActiveElement() === form.shadowRoot!.querySelector('input'), 'focus in the number field');
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part="transfer-problem"]')).to.equal(null);
    expect(getByRole(form, 'textbox', 'Transfer to')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });
});

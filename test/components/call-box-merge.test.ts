import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/call-box/vc-call-box.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import type { Call } from '../../src/phone/call.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { twoConnectedBoxes, twoConnectedCalls } from './call-box-fixtures.js';
import { byRole, deepActiveElement, getByRole, isShown, nameOf, settled, textOf, until, mouseClick } from './helpers.js';

/** The shown buttons whose name starts with Merge or Split. */
const mergeButtons = (el: VcCallBox) => byRole(el, 'button').filter((b) => isShown(b) && /^(Merge|Split)/.test(nameOf(b)));


const mergedLine = (el: VcCallBox) => textOf(el.shadowRoot!.querySelector('[part="merged"]'));
const isMerged = (call: Call) => call.mergedWith !== undefined;

describe('<vc-call-box> merge', () => {
  it('offers "Merge" only when another call is connected, named after that call', async () => {
    const phone = new FakePhone();
    const call = await phone.callInState('connected');
    const el = await fixture<VcCallBox>(html`<vc-call-box silent .call=${call} .phone=${phone}></vc-call-box>`);
    await settled(el);
    expect(mergeButtons(el)).to.have.length(0);
    const { aliceBox } = await twoConnectedBoxes();
    expect(getByRole(aliceBox, 'button', 'Merge with Bob Chen')).to.exist;
  });

  it('merges with a real click: both boxes say "Merged with …", offer Split (axe-clean), and Split separates them', async () => {
    const { alice, bob, aliceBox, bobBox, phone } = await twoConnectedBoxes();
    await expect(aliceBox).to.be.accessible();
    await mouseClick(getByRole(aliceBox, 'button', 'Merge with Bob Chen'));
    await until(() => isMerged(alice) && isMerged(bob), 'the calls merged');
    await settled(aliceBox);
    await settled(bobBox);
    expect(mergedLine(aliceBox)).to.equal('Merged with Bob Chen');
    expect(mergedLine(bobBox)).to.equal('Merged with Alice Martin');
    // Said to screen readers too (the box's polite live region).
    expect(textOf(aliceBox.shadowRoot!.querySelector('.visually-hidden[role="status"]'))).to.equal('Merged with Bob Chen');
    expect(aliceBox.matches(':state(merged)')).to.equal(true);
    expect(phone.far(alice).mergedWith).to.equal(phone.far(bob));
    await expect(aliceBox).to.be.accessible();
    await expect(bobBox).to.be.accessible();
    await mouseClick(getByRole(bobBox, 'button', 'Split from Alice Martin'));
    await until(() => !isMerged(alice) && !isMerged(bob), 'the calls split');
    await settled(aliceBox);
    expect(mergedLine(aliceBox)).to.equal('');
    expect(textOf(aliceBox.shadowRoot!.querySelector('.visually-hidden[role="status"]'))).to.equal('No longer merged with Bob Chen');
    expect(getByRole(aliceBox, 'button', 'Merge with Bob Chen')).to.exist;
  });

  it('is reachable with the keyboard (Tab to Merge, Enter)', async () => {
    const { alice, aliceBox } = await twoConnectedBoxes();
    getByRole(aliceBox, 'button', 'Hold').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('part')).to.equal('merge-button');
    await sendKeys({ press: 'Enter' });
    await until(() => isMerged(alice), 'merged from the keyboard');
  });

  it('says in words why a merge was refused, and nothing changes', async () => {
    const { alice, bob, aliceBox, phone } = await twoConnectedBoxes();
    phone.far(alice).refuseNextMerge = 'Both calls need their audio connected before they can be merged.';
    await mouseClick(getByRole(aliceBox, 'button', 'Merge with Bob Chen'));
    await until(() => textOf(aliceBox.shadowRoot!.querySelector('[part="merge-problem"]')) !== '', 'the refusal shown');
    // The words by the refusal's code (`problem: 'failed'`), as in every locale; the phone's own message, detail included, in the tooltip.
    expect(textOf(aliceBox.shadowRoot!.querySelector('[part="merge-problem"]'))).to.equal('The calls could not be merged. Nothing changed.');
    expect(aliceBox.shadowRoot!.querySelector('[part="merge-problem"]')!.getAttribute('title')).to.equal(
      'The calls could not be merged: Both calls need their audio connected before they can be merged.',
    );
    expect([isMerged(alice), isMerged(bob)]).to.deep.equal([false, false]);
    await expect(aliceBox).to.be.accessible();
  });

  it('when one merged call ends, the other box is an ordinary connected call again', async () => {
    const { alice, bob, bobBox, phone } = await twoConnectedBoxes();
    await phone.merge(alice, bob);
    phone.far(alice).hangUp();
    await settled(bobBox);
    expect([bob.state, mergedLine(bobBox)]).to.deep.equal(['connected', '']);
    expect(mergeButtons(bobBox)).to.have.length(0);
  });
});

describe('<vc-call-list> merge announcements', () => {
  it('says in its one live region that the calls were merged, and split', async () => {
    await import('../../src/components/call-list/vc-call-list.js');
    const { phone, alice, bob } = await twoConnectedCalls();
    const list = await fixture<HTMLElement>(html`<vc-call-list silent .phone=${phone}></vc-call-list>`);
    const spoken = () => textOf(list.shadowRoot!.querySelector('[role="status"]'));
    await phone.merge(alice, bob);
    await until(() => spoken() === 'Call with Bob Chen merged with Alice Martin', 'the merge announced');
    await phone.split(alice);
    await until(() => spoken() === 'Call with Bob Chen no longer merged with Alice Martin', 'the split announced');
  });
});

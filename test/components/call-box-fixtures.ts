/** Call boxes set up as several element tests need them, with the fake phone. */
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/components/call-box/vc-call-box.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { settled } from './helpers.js';

/** Two connected calls (Alice, Bob) on a fake phone that does not hold the first when the second is answered. */
export async function twoConnectedCalls() {
  const phone = new FakePhone({ autoHold: false });
  const alice = await phone.call('+44 20 7946 0958', { label: 'Alice Martin' });
  await settle();
  phone.far(alice).answer();
  const bob = await phone.call('+1 415 555 0132', { label: 'Bob Chen' });
  await settle();
  phone.far(bob).answer();
  return { phone, alice, bob };
}

/** Two connected calls (Alice, Bob) and a box for each, in a wrapper with this `lang` (none: the page's). */
export async function twoConnectedBoxes(lang?: string) {
  const { phone, alice, bob } = await twoConnectedCalls();
  const root = await fixture<HTMLDivElement>(html`<div lang=${ifDefined(lang)}>
    <vc-call-box silent .call=${alice} .phone=${phone}></vc-call-box>
    <vc-call-box silent .call=${bob} .phone=${phone}></vc-call-box>
  </div>`);
  const [aliceBox, bobBox] = [...root.querySelectorAll<VcCallBox>('vc-call-box')];
  await settled(aliceBox);
  await settled(bobBox);
  return { phone, alice, bob, aliceBox, bobBox };
}

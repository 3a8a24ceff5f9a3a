// Two <vc-phone> elements on one storage key, shared across tabs (as two tabs of one origin
// would be: same Web Locks election, same BroadcastChannel): the follower's boxes are the
// leader's calls, and the agent's real clicks in the follower act on the leader's call.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/vc-phone.js';
import type { VcPhone } from '../../src/components/phone/phone-element.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import { memoryStorage } from '../../src/phone/store.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { byRole, deepQueryAll, getByRole, nameOf, settled, textOf, until } from './helpers.js';

const boxes = (el: Element) => deepQueryAll<VcCallBox>(el, 'vc-call-box');
const rows = (el: Element) => deepQueryAll<HTMLElement>(el, '[part="recent-row"]');

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Clicks where a person would, once the target stays put: both tabs' phones are on this page, so
 * the leader's box growing (a call connecting) moves the follower's buttons down.
 */
async function mouseClick(target: Element) {
  target.scrollIntoView({ block: 'center' });
  let rect = target.getBoundingClientRect();
  for (let tries = 0; tries < 50; tries++) {
    await frame();
    await frame();
    const now = target.getBoundingClientRect();
    if (now.x === rect.x && now.y === rect.y && now.width === rect.width && now.height === rect.height) break;
    rect = now;
  }
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

describe('<vc-phone> in two tabs', () => {
  it('the follower shows the leader\'s boxes, and its clicks (call, mute, key, colour, hang up, remove) act through the leader', async () => {
    const storageKey = `tabs-element-${Date.now()}`;
    const storage = memoryStorage();
    const leaderPhone = new FakePhone({ storageKey }, { storage, tabs: 'shared' });
    await leaderPhone.connect();
    const followerPhone = new FakePhone({ storageKey }, { storage, tabs: 'shared' });
    const container = await fixture<HTMLDivElement>(html`<div>
      <vc-phone id="leader" silent .phone=${leaderPhone}></vc-phone>
      <vc-phone id="follower" silent .phone=${followerPhone}></vc-phone>
    </div>`);
    const leader = container.querySelector<VcPhone>('#leader')!;
    const follower = container.querySelector<VcPhone>('#follower')!;

    await mouseClick(getByRole(follower, 'button', 'Place call'));
    await settled(follower);
    await sendKeys({ type: '+44 20 7946 0958' });
    await until(() => !(getByRole(follower, 'button', 'Call') as HTMLButtonElement).disabled, 'Call enabled');
    await mouseClick(getByRole(follower, 'button', 'Call'));
    await until(() => leaderPhone.calls.length === 1 && boxes(leader).length === 1 && boxes(follower).length === 1, 'one box in each tab');
    expect(followerPhone.connections).to.have.length(0);
    const call = leaderPhone.calls[0];
    await until(() => call.sipCallId !== undefined, 'the INVITE out');
    leaderPhone.far(call).answer();
    await until(() => boxes(follower)[0].getAttribute('call-state') === 'connected', 'connected in the follower');

    await settled(leader);
    await settled(follower);
    const box = boxes(follower)[0];
    await mouseClick(getByRole(box, 'button', 'Mute'));
    await until(() => call.muted, 'muted on the leader');
    await until(() => getByRole(box, 'button', 'Mute').getAttribute('aria-pressed') === 'true', 'Mute pressed in the follower');
    await mouseClick(getByRole(box, 'button', 'Keypad'));
    await settled(follower);
    await mouseClick(getByRole(box, 'button', '5 JKL'));
    await until(() => leaderPhone.far(call).digits.join('') === '5', 'the digit at the far end');
    const colourButton = byRole(box, 'button').find((b) => nameOf(b).startsWith('Colour tag'))!;
    await mouseClick(colourButton);
    await settled(follower);
    const amber = deepQueryAll(box, '[part="option"]').find((option) => textOf(option) === 'Amber')!;
    await mouseClick(amber);
    await until(() => call.color === 'amber', 'amber on the leader');
    await expect(follower).to.be.accessible();

    await mouseClick(getByRole(box, 'button', 'Hang up'));
    await until(() => leaderPhone.far(call).hungUpWith === 'bye', 'a BYE for the follower\'s hang-up');
    await until(() => rows(follower).length === 1 && rows(leader).length === 1, 'folded into Recent in both tabs');
    await mouseClick(getByRole(rows(follower)[0], 'button', 'Remove'));
    await until(() => leaderPhone.calls.length === 0 && rows(leader).length === 0 && rows(follower).length === 0, 'removed in both tabs');
    await followerPhone.dispose();
    await leaderPhone.dispose();
  });
});

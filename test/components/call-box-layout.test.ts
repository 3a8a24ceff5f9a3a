// The call box's layout, measured in the real browser at the widths an agent's desk uses: the
// controls stay on one row (Transfer among them; the close X and the colour tag do not wrap away),
// the Hang up button stays where the hand expects it from dialing to connected, and what the agent
// reads (warnings, "You're muted", why a hold was refused) never pushes what the agent clicks.
// (test/components/call-box-row.test.ts: Transfer's place, Arabic, and the wrap of a narrower box.)
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/call-box/vc-call-box.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import type { Call } from '../../src/phone/call.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { deepActiveElement, deepQueryAll, getByRole, nameOf, settled } from './helpers.js';
import { until } from '../support/until.js';

/** Each side of where the row changes (call-box-controls.styles.ts), the 420 and 320 px desks, and the narrowest box with one row. */
const WIDTHS = [290, 320, 360, 361, 420, 460, 461, 840, 841];

async function boxAt(width: number, call: Call, phone: FakePhone): Promise<VcCallBox> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><vc-call-box silent .call=${call} .phone=${phone}></vc-call-box></div>`);
  const el = wrap.querySelector<VcCallBox>('vc-call-box')!;
  await settled(el);
  return el;
}

/** Where `target` is inside the box (px from the box's own top-left corner, rounded to a tenth). */
function placeOf(el: VcCallBox, target: Element) {
  const box = el.getBoundingClientRect();
  const rect = target.getBoundingClientRect();
  const r = (n: number) => Math.round(n * 10) / 10;
  return { left: r(rect.left - box.left), top: r(rect.top - box.top), width: r(rect.width), height: r(rect.height) };
}

const part = (el: VcCallBox, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
/** The controls row's children an agent can press (Transfer inside <vc-transfer> too), in document (= tab) order. */
const controlsOf = (el: VcCallBox) =>
  deepQueryAll<HTMLElement>(part(el, 'controls'), 'button, vc-mute-button, vc-color-tag').filter(
    (c) => c.getClientRects().length > 0 && !(c.getRootNode() as ShadowRoot).host?.matches('vc-mute-button, vc-color-tag'),
  );

/** Two connected calls, so that the box shows Merge too (the widest controls row). */
async function connectedWithMerge(width: number, label?: string) {
  const phone = new FakePhone({ autoHold: false });
  const call = await phone.call('+44 20 7946 0958', label ? { label } : {});
  await settle();
  phone.far(call).answer();
  const other = await phone.call('+1 415 555 0132', { label: 'Bob Chen' });
  await settle();
  phone.far(other).answer();
  await settle();
  return { phone, call, el: await boxAt(width, call, phone) };
}

describe('<vc-call-box> layout', () => {
  for (const width of WIDTHS) {
    it(`at ${width} px: one row of controls, the close X and colour tag on the row of Hang up, inside the box, focus order = visual order`, async () => {
      const { el } = await connectedWithMerge(width, 'Alice Martin');
      getByRole(el, 'button', 'Merge with Bob Chen');
      const hangUp = placeOf(el, getByRole(el, 'button', 'Hang up'));
      const close = placeOf(el, getByRole(el, 'button', 'Close'));
      const middle = (p: { top: number; height: number }) => p.top + p.height / 2;
      expect(Math.abs(middle(close) - middle(hangUp)), 'the X on the row of Hang up').to.be.at.most(1);
      const base = part(el, 'base').getBoundingClientRect();
      const controls = controlsOf(el);
      expect(controls.length).to.equal(8);
      for (const control of controls) {
        const place = placeOf(el, control);
        const name = control.getAttribute('part');
        expect(Math.abs(middle(place) - middle(hangUp)), `${name} on the row of Hang up`).to.be.at.most(1);
        expect(place.width, `${name} wide enough to hit`).to.be.at.least(24);
        expect(place.height, `${name} tall enough to hit`).to.be.at.least(24);
        expect(place.left + place.width, `${name} inside the box`).to.be.at.most(base.width - 1);
      }
      expect(part(el, 'base').scrollWidth, 'no horizontal overflow').to.be.at.most(part(el, 'base').clientWidth);
      // Tab walks the row from the start edge to the end edge.
      getByRole(el, 'button', 'Mute').focus();
      const seen: { name: string; left: number }[] = [];
      for (let i = 0; i < 8; i++) {
        const focused = deepActiveElement()!;
        seen.push({ name: nameOf(focused), left: placeOf(el, focused).left });
        await sendKeys({ press: 'Tab' });
      }
      expect(seen.map((s) => s.name)).to.deep.equal(['Mute', 'Hold', 'Merge with Bob Chen', 'Transfer', 'Hang up', 'Keypad', 'Colour tag: No colour', 'Close']);
      for (let i = 1; i < seen.length; i++) expect(seen[i].left, `${seen[i].name} right of ${seen[i - 1].name}`).to.be.greaterThan(seen[i - 1].left);
    });

    for (const label of [undefined, 'Alice Martin']) {
      it(`at ${width} px${label ? ' (with a label)' : ''}: Hang up does not move from dialing through ringing, early media, connected, on hold and Merge`, async () => {
        const phone = new FakePhone({ autoHold: false }, { autoRing: false });
        const call = await phone.call('+44 20 7946 0958', label ? { label } : {});
        await settle();
        const el = await boxAt(width, call, phone);
        const hangUpAt = () => placeOf(el, getByRole(el, 'button', 'Hang up'));
        const places: Record<string, ReturnType<typeof hangUpAt>> = { dialing: hangUpAt() };
        const step = async (name: string, act: () => unknown, reached: () => boolean) => {
          await act();
          await until(reached, name);
          await settled(el);
          places[name] = hangUpAt();
        };
        await step('ringing', () => phone.far(call).ring(), () => call.state === 'ringing');
        await step('early media', () => phone.far(call).earlyMedia(), () => call.state === 'early-media');
        await step('connected', () => phone.far(call).answer(), () => call.state === 'connected');
        await step('on hold', () => call.hold(), () => call.held);
        await step('resumed', () => call.resume(), () => !call.held);
        await step('merge offered', async () => {
          const other = await phone.call('+1 415 555 0132', { label: 'Bob Chen' });
          await settle();
          phone.far(other).ring();
          phone.far(other).answer();
        }, () => phone.calls.filter((c) => c.state === 'connected').length === 2);
        getByRole(el, 'button', 'Merge with Bob Chen');
        for (const [name, place] of Object.entries(places)) expect(place, `Hang up while ${name}`).to.deep.equal(places.dialing);
      });
    }

    it(`at ${width} px: a quality warning, "You're muted" and a refused hold do not push Mute or Hang up`, async () => {
      const { el, phone, call } = await connectedWithMerge(width);
      const where = () => ({ mute: placeOf(el, getByRole(el, 'button', 'Mute')), hangUp: placeOf(el, getByRole(el, 'button', 'Hang up')) });
      const before = where();
      call.mute();
      await settled(el);
      phone.far(call).talkWhileMuted(true);
      phone.far(call).quality('no-audio-received', true, { silentForMs: 3100 });
      phone.far(call).quality('high-rtt', true, { rttMs: 620 });
      await until(() => !!el.shadowRoot!.querySelector('[part="muted-hint"]') && el.shadowRoot!.querySelectorAll('[part="quality"] p').length === 2, 'the hint and two warnings');
      phone.far(call).refuseNextHold = 488;
      getByRole(el, 'button', 'Hold').click();
      await until(() => !!el.shadowRoot!.querySelector('[part="hold-problem"]'), 'the refusal in words');
      await settled(el);
      const after = where();
      expect(after.hangUp, 'Hang up').to.deep.equal(before.hangUp);
      expect(after.mute.left, 'Mute across').to.equal(before.mute.left);
      expect(after.mute.top, 'Mute down').to.equal(before.mute.top);
    });
  }
});

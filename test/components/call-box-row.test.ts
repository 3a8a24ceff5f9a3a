// The call box's one row of controls, measured as the browser lays it out at the widths of an
// agent's desk (420 px, 320 px, the narrowest box, in English and Arabic): Transfer is one of the
// call's controls on that row (an icon, its word hidden but still its name), the colour tag and
// the close X stay side by side at the end edge, the call's controls and Hang up keep a gap
// between them, and nothing overflows the box. Once with the box's own "Transfer" (before the form
// has loaded: this file's loader never delivers it), once with <vc-transfer> itself. Narrower than
// the row, it wraps between its two groups, never leaving the X alone.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/call-box/vc-call-box.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import { useTransferFormLoader } from '../../src/components/call-box/lazy-transfer.js';
import { settle } from '../../src/testing/fake-phone.js';
import { twoConnectedCalls } from './call-box-fixtures.js';
import { deepActiveElement, deepQueryAll, getByRole, mouseClick, nameOf, settled, until } from './helpers.js';

// The form's code never arrives until the second half of the file imports it.
useTransferFormLoader(() => new Promise(() => undefined));

const ARABIC = { hangUp: 'إنهاء المكالمة' };

/** A connected call with a second connected call (so the box offers Merge: the widest row), in a box `width` px wide. */
async function widestRow(width: number, lang = 'en') {
  const { phone, alice: call } = await twoConnectedCalls();
  await settle();
  call.setColor('green');
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: ${width}px"><vc-call-box silent .call=${call} .phone=${phone}></vc-call-box></div>`);
  const el = wrap.querySelector<VcCallBox>('vc-call-box')!;
  await settled(el);
  if (lang === 'ar') await until(() => el.shadowRoot!.querySelector('[part="hangup-button"]')?.getAttribute('title') === ARABIC.hangUp, 'Arabic words');
  await settled(el);
  return { el, phone, call };
}

/** The box's part `name` (the visible one: through <vc-transfer>'s shadow root for its button). */
const partOf = (el: VcCallBox, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`) ?? deepQueryAll<HTMLElement>(el, `[part="${name}"]`).find((found) => found.getClientRects().length > 0)!;

/** What the agent can press in the controls row (through <vc-transfer>'s shadow root, not into the mute button's or colour tag's, nor the transfer form under the row), in document order. */
const rowControls = (el: VcCallBox) =>
  deepQueryAll<HTMLElement>(partOf(el, 'controls'), 'button, vc-mute-button, vc-color-tag').filter(
    (control) => control.getClientRects().length > 0 && !(control.getRootNode() as ShadowRoot).host?.matches('vc-mute-button, vc-color-tag') && !control.closest('[part="panel"]'),
  );

const rectOf = (target: Element) => target.getBoundingClientRect();
const middle = (rect: DOMRect) => rect.top + rect.height / 2;
const sameLine = (a: DOMRect, b: DOMRect) => Math.abs(middle(a) - middle(b)) <= 1;

/** The layout promise at one width: one line, Transfer and the X on it, the colour tag and the X side by side at the end edge. */
function expectOneRow(el: VcCallBox, rtl: boolean) {
  const base = rectOf(partOf(el, 'base'));
  const controls = rowControls(el);
  const names = controls.map((control) => control.getAttribute('part'));
  expect(names).to.deep.equal(['mute-button', 'hold-button', 'merge-button', 'transfer-button', 'hangup-button', 'keypad-button', 'color-tag', 'close-button']);
  const first = rectOf(controls[0]);
  for (const control of controls) {
    const rect = rectOf(control);
    const name = control.getAttribute('part');
    expect(sameLine(rect, first), `${name} on the first line of controls (top ${rect.top - base.top} px, Mute's ${first.top - base.top} px)`).to.equal(true);
    expect(rect.width, `${name} wide enough to hit`).to.be.at.least(24);
    expect(rect.height, `${name} tall enough to hit`).to.be.at.least(24);
    expect(rect.left, `${name} inside the box`).to.be.at.least(base.left + 1);
    expect(rect.right, `${name} inside the box`).to.be.at.most(base.right - 1);
  }
  // Along the line from the start edge: each control after the one before it (right to left in Arabic).
  const along = controls.map((control) => (rtl ? -rectOf(control).right : rectOf(control).left));
  expect(along, 'the controls run from the start edge in tab order').to.deep.equal([...along].sort((a, b) => a - b));
  const [colour, close] = [rectOf(partOf(el, 'color-tag')), rectOf(partOf(el, 'close-button'))];
  const between = rtl ? colour.left - close.right : close.left - colour.right;
  expect(between, 'the colour tag and the X side by side').to.be.within(0, 8);
  const endEdge = rtl ? close.left - base.left : base.right - close.right;
  expect(endEdge, 'the X at the end edge (its padding)').to.be.at.most(12);
  const [transfer, hangUp] = [rectOf(partOf(el, 'transfer-button')), rectOf(partOf(el, 'hangup-button'))];
  expect(rtl ? transfer.left - hangUp.right : hangUp.left - transfer.right, 'a gap between the call’s controls and Hang up').to.be.at.least(8);
  const box = partOf(el, 'base');
  expect(box.scrollWidth, 'no horizontal overflow').to.be.at.most(box.clientWidth);
}

async function expectTransferControl(el: VcCallBox, narrow: boolean) {
  const transfer = getByRole(el, 'button', 'Transfer');
  expect(transfer.getAttribute('part')).to.equal('transfer-button');
  expect(transfer.querySelector('svg.icon'), 'an icon like the others').to.not.equal(null);
  const word = transfer.querySelector('[part="transfer-button-label"]')!;
  expect(word.getBoundingClientRect().width > 1, narrow ? 'the word hidden when narrow' : 'the word shown when wide').to.equal(!narrow);
  // Tab goes Merge -> Transfer -> Hang up.
  getByRole(el, 'button', 'Merge with Bob Chen').focus();
  const seen: string[] = [];
  for (let i = 0; i < 3; i++) {
    seen.push(nameOf(deepActiveElement()!));
    await sendKeys({ press: 'Tab' });
  }
  expect(seen).to.deep.equal(['Merge with Bob Chen', 'Transfer', 'Hang up']);
}

function layoutTests() {
  for (const width of [420, 320, 290]) {
    it(`at ${width} px: Transfer and the X on the first line of controls, the colour tag and the X side by side, nothing overflows`, async () => {
      const { el } = await widestRow(width);
      expectOneRow(el, false);
      await expectTransferControl(el, true);
    });
  }

  for (const width of [420, 320]) {
    it(`at ${width} px in Arabic: the same row, mirrored`, async () => {
      const { el } = await widestRow(width, 'ar');
      expect(getComputedStyle(partOf(el, 'base')).direction).to.equal('rtl');
      expectOneRow(el, true);
      await expect(el).to.be.accessible();
    });
  }

  it('at 900 px: Transfer shows its word like the other controls, on the same line', async () => {
    const { el } = await widestRow(900);
    expectOneRow(el, false);
    await expectTransferControl(el, false);
  });

  it('narrower than the row (240 px): it wraps between its groups, the call’s controls first, Hang up to the X together at the end of the second line', async () => {
    const { el } = await widestRow(240);
    const base = rectOf(partOf(el, 'base'));
    const [mute, transfer, hangUp, keypad, colour, close] = ['mute-button', 'transfer-button', 'hangup-button', 'keypad-button', 'color-tag', 'close-button'].map((name) => rectOf(partOf(el, name)));
    expect(sameLine(mute, transfer), 'Transfer on the line of Mute').to.equal(true);
    for (const [name, rect] of Object.entries({ keypad, colour, close })) expect(sameLine(rect, hangUp), `${name} on the line of Hang up`).to.equal(true);
    expect(hangUp.top, 'Hang up to the X on the second line').to.be.at.least(mute.bottom);
    expect(close.left - colour.right, 'the colour tag and the X side by side').to.be.within(0, 8);
    expect(base.right - close.right, 'the X at the end edge').to.be.at.most(12);
    const box = partOf(el, 'base');
    expect(box.scrollWidth, 'no horizontal overflow').to.be.at.most(box.clientWidth);
  });
}

describe('<vc-call-box> controls row, before the transfer form has loaded', () => {
  layoutTests();

  it('the words of a form that cannot load go under the row, which does not move', async () => {
    useTransferFormLoader(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    try {
      const { el } = await widestRow(320);
      const before = rectOf(partOf(el, 'close-button'));
      await mouseClick(getByRole(el, 'button', 'Transfer'));
      await until(() => !!el.shadowRoot!.querySelector('[part="transfer-problem"]'), 'the words for a failed load');
      await settled(el);
      const problem = rectOf(el.shadowRoot!.querySelector('[part="transfer-problem"]')!);
      const row = rectOf(partOf(el, 'controls'));
      expect(rectOf(partOf(el, 'close-button'))).to.deep.equal(before);
      expect(problem.top, 'under the row').to.be.at.least(rectOf(partOf(el, 'hangup-button')).bottom);
      expect(problem.width, 'the width of the row').to.be.closeTo(row.width, 1);
    } finally {
      useTransferFormLoader(() => new Promise(() => undefined));
    }
  });
});

describe('<vc-call-box> controls row, with <vc-transfer>', () => {
  before(async () => {
    useTransferFormLoader();
    await import('../../src/components/transfer/vc-transfer.js');
  });
  after(() => useTransferFormLoader());

  layoutTests();

  it('Transfer opens its form under the row, as wide as the row; focus goes into the field and Escape brings it back to Transfer', async () => {
    const { el } = await widestRow(420);
    const transfer = el.shadowRoot!.querySelector('vc-transfer')!;
    const hangUpBefore = rectOf(partOf(el, 'hangup-button'));
    await mouseClick(getByRole(el, 'button', 'Transfer'));
    const input = await (async () => {
      await until(() => !!transfer.shadowRoot!.querySelector('input'), 'the number field');
      return transfer.shadowRoot!.querySelector('input')!;
    })();
    await until(() => deepActiveElement() === input, 'focus in the number field');
    await settled(el);
    expectOneRow(el, false);
    expect(rectOf(partOf(el, 'hangup-button'))).to.deep.equal(hangUpBefore);
    const panel = rectOf(transfer.shadowRoot!.querySelector('[part="panel"]')!);
    const row = rectOf(partOf(el, 'controls'));
    expect(panel.top, 'the form under the row').to.be.at.least(hangUpBefore.bottom);
    expect(panel.width, 'as wide as the row').to.be.closeTo(row.width, 1);
    expect(getByRole(el, 'button', 'Transfer').getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => deepActiveElement() === getByRole(el, 'button', 'Transfer'), 'focus back on Transfer');
  });
});

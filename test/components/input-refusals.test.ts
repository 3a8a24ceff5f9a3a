// Refusals the agent or the page meet: words, one typed vc-input-error (bubbling, composed, with
// the field), and nothing sent. Real pointer clicks and typed keys, the fake phone behind.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/vc-phone.js';
import type { VcPhone } from '../../src/components/phone/phone-element.js';
import type { VcPlaceCall } from '../../src/components/place-call/place-call.js';
import type { InputErrorDetail } from '../../src/events/input-error-event.js';
import type { Phone } from '../../src/phone/phone.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { getByRole, settled, textOf, until } from './helpers.js';

async function click(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const rect = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

/** Every vc-input-error that reached the document, with where it came from. */
type Seen = InputErrorDetail & { from: string; bubbles: boolean; composed: boolean };
let seen: Seen[];
const onError = (event: Event) => {
  const origin = event.composedPath()[0] as Element;
  seen.push({ ...(event as CustomEvent<InputErrorDetail>).detail, from: origin.localName, bubbles: event.bubbles, composed: event.composed });
};
/** Keeps the browser from following a link clicked in a test. */
const onClick = (event: MouseEvent) => {
  if ((event.composedPath()[0] as Element).closest?.('a')) event.preventDefault();
};
beforeEach(() => {
  seen = [];
  document.addEventListener('vc-input-error', onError);
  window.addEventListener('click', onClick);
});
afterEach(() => {
  document.removeEventListener('vc-input-error', onError);
  window.removeEventListener('click', onClick);
});

/** `<vc-phone>` with these attributes, with `phone` given (as a CRM does), else with the phone it makes itself. */
async function phoneWith(phone: Phone | undefined, attributes: Record<string, string | boolean> = {}): Promise<VcPhone> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('vc-phone');
  el.silent = true;
  for (const [name, value] of Object.entries(attributes)) if (value !== false) el.setAttribute(name, value === true ? '' : value);
  if (phone) el.phone = phone;
  holder.append(el);
  await settled(el);
  return el;
}

const fieldOf = (el: VcPhone) => el.shadowRoot!.querySelector('vc-place-call') as VcPlaceCall;
const wordsUnder = (field: VcPlaceCall) => textOf(field.shadowRoot!.querySelector('[part~="error"]'));

async function openAndType(el: VcPhone, text: string): Promise<VcPlaceCall> {
  const field = fieldOf(el);
  await click(getByRole(field, 'button', 'Place call'));
  await settled(field);
  await sendKeys({ type: text });
  await settled(field);
  return field;
}

describe('<vc-place-call> refusals at the moment the agent dials', () => {
  for (const [typed, code] of [
    ['+44 20', 'too-short'],
    ['<script>', 'letters'],
    ['+44 20 7946 0958 > 1', 'invalid-characters'],
    ['sip:alice @example.com', 'invalid-sip-uri'],
    ['sip:alice@example.com>', 'invalid-sip-uri'],
    ['tel:+442079460958;ext=1', 'tel-extension'],
  ] as const) {
    it(`Enter on ${JSON.stringify(typed)}: words under the field and one vc-input-error (${code}, field to) from the field, nothing sent`, async () => {
      const phone = new FakePhone();
      const el = await phoneWith(phone);
      const phoneHeard: string[] = [];
      el.addEventListener('vc-input-error', (event) => phoneHeard.push(event.detail.code));
      const field = await openAndType(el, typed);
      // Typing (and the pause that shows the words) says nothing to programs.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(seen).to.deep.equal([]);
      await sendKeys({ press: 'Enter' });
      await until(() => seen.length === 1, 'the refusal was dispatched');
      expect(seen[0]).to.include({ code, field: 'to', from: 'vc-place-call', bubbles: true, composed: true });
      expect(seen[0].message).to.equal(wordsUnder(field));
      expect(phoneHeard).to.deep.equal([code]);
      await sendKeys({ press: 'Enter' });
      await until(() => seen.length === 2, 'each try is said once');
      expect(phone.callsPlaced).to.equal(0);
    });
  }
});

describe('tel: extensions', () => {
  it('a click-to-dial link with an extension is refused in words and vc-input-error, not dialled without it', async () => {
    const phone = new FakePhone();
    const el = await phoneWith(phone, { 'click-to-dial': true });
    const link = await fixture<HTMLAnchorElement>(html`<a href="tel:+1-415-555-0100;ext=204">Sales, ext. 204</a>`);
    await click(link);
    await until(() => seen.length === 1, 'the refusal was dispatched');
    expect([seen[0].code, seen[0].field]).to.deep.equal(['tel-extension', 'to']);
    const field = fieldOf(el);
    await settled(field);
    expect(wordsUnder(field)).to.match(/Extensions can't be dialled/);
    expect(phone.callsPlaced).to.equal(0);
  });
});

describe('a phone without an aor', () => {
  it('says which setting is missing under the field, and in vc-input-error on Enter', async () => {
    const phone = new FakePhone({ aor: undefined });
    const el = await phoneWith(phone);
    const field = await openAndType(el, '+44 20 7946 0958');
    await sendKeys({ press: 'Enter' });
    await until(() => seen.length === 1, 'the refusal was dispatched');
    expect([seen[0].code, seen[0].field]).to.deep.equal(['missing-config', 'aor']);
    await settled(field);
    expect(wordsUnder(field)).to.match(/aor/).and.not.to.match(/numberToUri/);
    expect(phone.callsPlaced).to.equal(0);
  });
});

describe('<vc-phone> settings refused in words', () => {
  it('refuses bad JSON, a caller ID that is no number, an unknown region and theme, and a wrap-up time in words; the rest applies', async () => {
    const el = await phoneWith(undefined, {
      dispositions: '["A",',
      'from-numbers': '+44 20 7183 8750, hello',
      'default-country': 'XX',
      theme: 'purple',
      'wrap-up-seconds': 'soon',
      'number-domain': 'trunk.example.com',
      'log-level': 'error',
    });
    await until(() => seen.length === 5, `five refusals (${seen.map((error) => error.field).join(', ')})`);
    const byField = Object.fromEntries(seen.map((error) => [error.field, error.message]));
    expect(Object.keys(byField).sort()).to.deep.equal(['defaultCountry', 'dispositions', 'fromNumbers', 'theme', 'wrapUpSeconds']);
    expect(byField.dispositions).to.match(/not valid JSON/);
    expect(byField.fromNumbers).to.match(/"hello" is not a phone number/);
    expect(byField.defaultCountry).to.match(/"XX" is not a country/);
    expect(byField.theme).to.match(/light, dark or auto \(not "purple"\)/);
    expect(byField.wrapUpSeconds).to.match(/not the text "soon"/).and.not.to.match(/NaN/);
    expect(seen.every((error) => error.from === 'vc-phone' && error.code === 'invalid-config')).to.equal(true);
    const phone = await el.phoneReady;
    const { config } = phone;
    expect([config.dispositions, config.fromNumbers, config.defaultCountry, config.wrapUpSeconds]).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect([config.numberDomain, config.logLevel]).to.deep.equal(['trunk.example.com', 'error']);
    // A comma list without [ is still a list.
    el.setAttribute('dispositions', 'Interested, Call back');
    await settled(el);
    expect(phone.config.dispositions).to.deep.equal(['Interested', 'Call back']);
  });

  it('removes credentials written as an attribute at once, never uses them, and says so without the password', async () => {
    const phone = new FakePhone();
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.innerHTML = `<vc-phone silent auth='{"username":"ann","password":"s3cret-Pw"}'></vc-phone>`;
    const el = holder.querySelector('vc-phone') as VcPhone;
    expect(el.hasAttribute('auth')).to.equal(false);
    expect(holder.outerHTML).not.to.contain('s3cret-Pw');
    el.phone = phone;
    await until(() => seen.length === 1, 'the refusal was dispatched');
    expect([seen[0].code, seen[0].field, seen[0].from]).to.deep.equal(['invalid-config', 'auth', 'vc-phone']);
    expect(seen[0].message).to.match(/el\.auth = \{ username, password \}/).and.not.to.contain('s3cret-Pw').and.not.to.contain('ann');
    expect(el.auth).to.equal(undefined);
    // Set later, the same.
    el.setAttribute('auth', 'ann:s3cret-Pw');
    expect(el.outerHTML).not.to.contain('s3cret-Pw');
    await until(() => seen.length === 2, 'the second refusal was dispatched');
  });
});

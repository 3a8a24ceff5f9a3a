// The CRM workflow on <vc-phone>: click-to-dial, a queued first click, prefill, caller-ID
// picker, policy refusal in words, settings as attributes, wrap-up and the call history.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/vc-phone.js';
import type { VcPhone } from '../../src/components/phone/phone-element.js';
import type { VcCallHistory } from '../../src/components/call-history/call-history.js';
import type { Phone } from '../../src/phone/phone.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { deepQueryAll, getByRole, settled, textOf, until } from './helpers.js';
import { lazyPhone, phoneRelease } from './lazy-phone-fixture.js';

/** A real pointer click in the middle of an element (as a person clicks), with modifier keys held if asked. */
async function click(el: Element, modifiers: string[] = []): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const rect = el.getBoundingClientRect();
  for (const key of modifiers) await sendKeys({ down: key });
  try {
    await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
  } finally {
    for (const key of modifiers) await sendKeys({ up: key });
  }
}

/** Records what reached the document, and keeps the browser from following a tel: link in the test. */
function pageListener() {
  const seen = { requests: [] as string[], errors: [] as string[], defaults: [] as boolean[], wrapped: [] as unknown[] };
  const onRequest = (event: Event) => seen.requests.push((event as CustomEvent<{ to: string }>).detail.to);
  const onError = (event: Event) => seen.errors.push((event as CustomEvent<{ message: string }>).detail.message);
  const onWrapped = (event: Event) => seen.wrapped.push((event as CustomEvent).detail);
  // Runs after the document's listeners: says whether the click kept its default, then stops navigation.
  const onClick = (event: MouseEvent) => {
    if ((event.composedPath()[0] as Element).closest?.('a')) {
      seen.defaults.push(!event.defaultPrevented);
      event.preventDefault();
    }
  };
  document.addEventListener('vc-call-request', onRequest);
  document.addEventListener('vc-input-error', onError);
  document.addEventListener('vc-call-wrapped-up', onWrapped);
  window.addEventListener('click', onClick);
  return {
    seen,
    stop: () => {
      document.removeEventListener('vc-call-request', onRequest);
      document.removeEventListener('vc-input-error', onError);
      document.removeEventListener('vc-call-wrapped-up', onWrapped);
      window.removeEventListener('click', onClick);
    },
  };
}

let page: ReturnType<typeof pageListener>;
beforeEach(() => (page = pageListener()));
afterEach(() => page.stop());

async function phoneWith(phone: Phone, attributes: Record<string, string | boolean> = {}): Promise<VcPhone> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('vc-phone');
  el.silent = true;
  for (const [name, value] of Object.entries(attributes)) if (value !== false) el.setAttribute(name, value === true ? '' : value);
  el.phone = phone;
  holder.append(el);
  await settled(el);
  return el;
}

describe('click-to-dial', () => {
  it('dials a tel: link clicked anywhere on the page, with the contact name and record, and one vc-call-request', async () => {
    const phone = new FakePhone();
    const el = await phoneWith(phone, { 'click-to-dial': true });
    const link = await fixture<HTMLAnchorElement>(html`<a href="tel:+44-20-7946-0958" data-vc-label="Alice Martin" data-vc-record='{"id":"C-1042"}'>+44 20 7946 0958</a>`);
    await click(link);
    await until(() => phone.calls.length === 1, 'the call was placed');
    expect(phone.calls[0].target.e164).to.equal('+442079460958');
    expect([phone.calls[0].label, phone.calls[0].record]).to.deep.equal(['Alice Martin', { id: 'C-1042' }]);
    expect(page.seen.requests).to.deep.equal(['tel:+44-20-7946-0958']);
    expect(page.seen.defaults).to.deep.equal([false]);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('dials sip: links inside an open shadow root, added after the phone', async () => {
    const phone = new FakePhone();
    await phoneWith(phone, { 'click-to-dial': true });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p><a href="sip:support@example.com"><span>Support desk</span></a></p>';
    await click(root.querySelector('span')!);
    await until(() => phone.calls.length === 1, 'the call was placed');
    expect(phone.calls[0].target.uri).to.equal('sip:support@example.com');
  });

  it('leaves modifier-clicks, other links, and pages without click-to-dial to the browser', async () => {
    const phone = new FakePhone();
    const el = await phoneWith(phone, { 'click-to-dial': true });
    const tel = await fixture<HTMLAnchorElement>(html`<a href="tel:+442079460958">call</a>`);
    const web = await fixture<HTMLAnchorElement>(html`<a href="#somewhere">web</a>`);
    await click(tel, ['Control']);
    await click(tel, ['Shift']);
    await click(web);
    el.clickToDial = false;
    await settled(el);
    await click(tel);
    await settle();
    expect(phone.calls).to.have.length(0);
    expect(page.seen.defaults).to.deep.equal([true, true, true, true]);
  });

  it('refuses a number the field would refuse, in words under the field, and sends nothing', async () => {
    const phone = new FakePhone();
    const el = await phoneWith(phone, { 'click-to-dial': true });
    const link = await fixture<HTMLAnchorElement>(html`<a href="tel:12345">bad</a>`);
    await click(link);
    await until(() => textOf(el).includes('Include the country code') || textOf(el).includes('tel:'), 'the words under the field');
    expect(phone.farEnds).to.have.length(0);
  });
});

describe('beforeDial on <vc-phone>', () => {
  it('shows the policy refusal in words, sends it as vc-input-error, and places nothing', async () => {
    const phone = new FakePhone();
    const el = await phoneWith(phone);
    el.beforeDial = async (request) => (request.target.country === 'FR' ? { refuse: 'Calls to France are not allowed from this desk.' } : true);
    await settled(el);
    const call = await el.call('+33 1 42 68 53 00');
    expect(call).to.equal(undefined);
    await settled(el);
    expect(textOf(el)).to.contain('Calls to France are not allowed from this desk.');
    expect(page.seen.errors).to.deep.equal(['Calls to France are not allowed from this desk.']);
    expect(phone.farEnds).to.have.length(0);
    expect(await el.call('+44 20 7946 0958')).to.not.equal(undefined);
  });

  it('phone.call() from code fires vc-call-request in the page; cancelled there, nothing is sent', async () => {
    const phone = new FakePhone();
    await phoneWith(phone);
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('vc-call-request', cancel);
    try {
      const error = await phone.call('+44 20 7946 0958', { label: 'Bob' }).catch((e: Error & { code: string }) => e.code);
      expect(error).to.equal('call-request-cancelled');
    } finally {
      document.removeEventListener('vc-call-request', cancel);
    }
    expect(page.seen.requests).to.deep.equal(['+44 20 7946 0958']);
    expect(phone.farEnds).to.have.length(0);
  });
});


describe('before the phone has loaded', () => {
  it('queues a click-to-dial click made in the first moments and places it once the phone is there', async () => {
    const el = await lazyPhone('click-to-dial');
    expect(el.phone).to.equal(undefined);
    const link = await fixture<HTMLAnchorElement>(html`<a href="tel:+14155550132" data-vc-label="Carol">Carol</a>`);
    await click(link);
    expect(page.seen.defaults).to.deep.equal([false]); // taken, not followed
    expect(phoneRelease()).to.be.a('function');
    phoneRelease()!();
    const phone = (await el.phoneReady) as FakePhone;
    await until(() => phone.calls.length === 1, 'the queued call was placed');
    expect([phone.calls[0].target.e164, phone.calls[0].label]).to.deep.equal(['+14155550132', 'Carol']);
  });

  it('queues el.call() from code, and applies every setting given as an attribute', async () => {
    const el = await lazyPhone(
      `status-webhook="https://crm.example.com/hook" ice-servers='[{"urls":"stun:stun.example.com:3478"}]' number-domain="trunk.example.com" default-country="GB" from-numbers="+44 20 7183 8750, +1 415 555 0100" dispositions='["Interested","Call back"]' wrap-up-seconds="30" max-history="50" log-level="error" confirm-close="false"`,
    );
    const placed = el.call('020 7946 0958', { label: 'Dan' });
    phoneRelease()!();
    const phone = await el.phoneReady;
    const call = await placed;
    expect(call?.target.e164).to.equal('+442079460958');
    expect(call?.target.uri).to.contain('@trunk.example.com');
    const config = phone.config;
    expect(config.statusWebhook).to.deep.equal({ url: 'https://crm.example.com/hook', username: undefined });
    expect(config.iceServers).to.deep.equal([{ urls: 'stun:stun.example.com:3478' }]);
    expect([config.defaultCountry, config.numberDomain, config.logLevel, config.maxHistory, config.wrapUpSeconds]).to.deep.equal(['GB', 'trunk.example.com', 'error', 50, 30]);
    expect(config.fromNumbers).to.deep.equal(['+44 20 7183 8750', '+1 415 555 0100']);
    expect(config.dispositions).to.deep.equal(['Interested', 'Call back']);
    expect(phone.confirmClose).to.equal(false);
  });

  it('refuses a bad attribute in words and keeps the others', async () => {
    const el = await lazyPhone(`ice-servers="stun:oops" number-domain="trunk.example.com"`);
    const ready = el.phoneReady;
    phoneRelease()!();
    const phone = await ready;
    await settled(el);
    expect(page.seen.errors.join(' ')).to.contain('iceServers must be a list');
    expect(phone.config.numberDomain).to.equal('trunk.example.com');
    expect(phone.config.iceServers).to.equal(undefined);
  });
});

describe('prefill and caller ID', () => {
  it('opens the field with the prefilled value and the focus in it', async () => {
    const el = await phoneWith(new FakePhone());
    el.value = '+44 20 7946 0958';
    await el.open();
    const input = getByRole(el, 'textbox', 'Phone number') as HTMLInputElement;
    expect(input.value).to.equal('+44 20 7946 0958');
    expect(el.shadowRoot!.activeElement?.shadowRoot?.activeElement).to.equal(input);
  });

  it('offers a caller-ID picker when there is more than one, and calls from the one picked', async () => {
    const phone = new FakePhone({ aor: 'sip:agent@pbx.example.com', fromNumbers: ['+44 20 7183 8750', '+1 415 555 0100'], allowAnonymous: true });
    const el = await phoneWith(phone);
    el.value = '+33 1 42 68 53 00';
    await el.open();
    const picker = deepQueryAll<HTMLSelectElement>(el, 'select')[0];
    expect(picker.labels?.[0] && textOf(picker.labels[0])).to.equal('Call from');
    expect([...picker.options].map((o) => o.text)).to.deep.equal(['+44 20 7183 8750', '+1 415 555 0100', 'Withheld (anonymous)']);
    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => picker.value === '1', 'the second caller ID picked');
    await click(getByRole(el, 'button', 'Call'));
    await until(() => phone.farEnds.length === 1, 'the call was placed');
    expect(phone.farEnds[0].request.fromUri).to.equal('sip:+14155550100@pbx.example.com;user=phone');
    await settled(el);
    await expect(el).to.be.accessible();
  });
});

describe('wrap-up and history in <vc-phone>', () => {
  it('asks for the disposition and notes after a call and sends vc-call-wrapped-up', async () => {
    const phone = new FakePhone({ dispositions: ['Interested', 'Call back', 'Wrong number'] });
    const el = await phoneWith(phone);
    const call = await phone.callInState('connected');
    call.hangup();
    await settle();
    await settled(el);
    const wrap = deepQueryAll(el, 'vc-wrap-up')[0];
    await until(() => textOf(wrap).includes('Wrap-up'), 'the wrap-up form');
    await expect(wrap).to.be.accessible();
    const select = deepQueryAll<HTMLSelectElement>(wrap, 'select')[0];
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    deepQueryAll<HTMLTextAreaElement>(wrap, 'textarea')[0].focus();
    await sendKeys({ type: 'Wants a quote' });
    await click(getByRole(wrap, 'button', 'Save'));
    await until(() => page.seen.wrapped.length === 1, 'vc-call-wrapped-up in the page');
    const detail = page.seen.wrapped[0] as { wrapUp: { disposition: string; notes: string }; call: { id: string } };
    expect([detail.call.id, detail.wrapUp.disposition, detail.wrapUp.notes]).to.deep.equal([call.id, 'Call back', 'Wants a quote']);
    await settled(el);
    expect(textOf(wrap)).not.to.contain('Wrap-up:');
  });

  it('lists the history with "Call again" and "Clear history"', async () => {
    const phone = new FakePhone();
    const el = await phoneWith(phone);
    const history: VcCallHistory = document.createElement('vc-call-history');
    el.append(history);
    const first = await phone.call('+44 20 7946 0958', { label: 'Alice', record: { id: 'C-1' } });
    await settle();
    phone.far(first).answer();
    first.hangup();
    await settle();
    await settled(history);
    expect(textOf(history)).to.contain('Alice');
    await expect(history).to.be.accessible();
    await click(getByRole(history, 'button', 'Call again: Alice'));
    await until(() => phone.calls.length === 2, 'called again');
    expect([phone.calls[0].label, phone.calls[0].record]).to.deep.equal(['Alice', { id: 'C-1' }]);
    // One vc-call-request per call: the first from phone.call() in code, the second from "Call again".
    expect(page.seen.requests).to.deep.equal(['+44 20 7946 0958', '+442079460958']);
    await click(getByRole(history, 'button', 'Clear history'));
    await settled(history);
    expect(phone.history.length).to.equal(0);
    expect(textOf(history)).to.contain('No calls yet.');
  });
});

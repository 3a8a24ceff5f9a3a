import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/vc-phone.js';
import type { VcPhone } from '../../src/components/phone/phone-element.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import type { PhoneEventMap } from '../../src/events/index.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { deepQueryAll, getByRole, settled, textOf, until } from './helpers.js';

const LIFECYCLE: Array<keyof PhoneEventMap> = [
  'vc-call-dialing',
  'vc-call-ringing',
  'vc-call-answered',
  'vc-call-dtmf',
  'vc-call-mute',
  'vc-call-color',
  'vc-call-ended',
  'vc-call-failed',
  'vc-call-removed',
  'vc-connection-change',
  'vc-input-error',
];

const boxes = (el: Element) => deepQueryAll<VcCallBox>(el, 'vc-call-box');

async function dialThroughTheUi(el: VcPhone, number: string) {
  getByRole(el, 'button', 'Place call').click();
  await settled(el);
  await sendKeys({ type: number });
  await until(() => !(getByRole(el, 'button', 'Call') as HTMLButtonElement).disabled, 'Call enabled');
  await sendKeys({ press: 'Enter' });
  await settled(el);
}

describe('<vc-phone>', () => {
  it('places calls from its field and stacks a box per call, newest first', async () => {
    const phone = new FakePhone();
    const el = await fixture<VcPhone>(html`<vc-phone silent .phone=${phone}></vc-phone>`);
    await dialThroughTheUi(el, '+44 20 7946 0958');
    await until(() => boxes(el).length === 1, 'one box');
    await dialThroughTheUi(el, '+1 415 555 0132');
    await until(() => boxes(el).length === 2, 'two boxes');
    await settle();
    await settled(el);
    const parties = boxes(el).map((box) => textOf(box.shadowRoot!.querySelector('[part="party"]')));
    expect(parties).to.deep.equal(['+1 415 555 0132', '+44 20 7946 0958']);
    getByRole(el, 'group', 'Call with +1 415 555 0132');
    getByRole(el, 'group', 'Call with +44 20 7946 0958');
    phone.far(phone.calls[1]).answer();
    await settled(el);
    expect(boxes(el)[1].getAttribute('call-state')).to.equal('connected');
    await expect(el).to.be.accessible();
  });

  it('shows several boxes in every state, accessibly', async () => {
    const phone = new FakePhone();
    await phone.callInState('failed', '+33 1 42 68 53 00', 486);
    const muted = await phone.callInState('connected', '+49 30 901820');
    muted.mute();
    await phone.callInState('ringing', '+1 415 555 0132');
    phone.microphone = 'denied';
    await phone.call('+61 2 9123 4567');
    await settle();
    const el = await fixture<VcPhone>(html`<vc-phone silent .phone=${phone}></vc-phone>`);
    await settled(el);
    expect(boxes(el).map((box) => box.getAttribute('call-state'))).to.deep.equal(['failed', 'ringing', 'connected', 'failed']);
    await expect(el).to.be.accessible();
  });

  it('typing digits in the number field sends no DTMF to a connected call', async () => {
    const phone = new FakePhone();
    const call = await phone.callInState('connected');
    const el = await fixture<VcPhone>(html`<vc-phone silent .phone=${phone}></vc-phone>`);
    getByRole(el, 'button', 'Place call').click();
    await settled(el);
    await sendKeys({ type: '+123' });
    await settle();
    expect(phone.far(call).digits).to.deep.equal([]);
  });

  it('forwards each life-cycle event of its phone once, however many elements are on the page', async () => {
    const phone = new FakePhone();
    const other = new FakePhone();
    const seen: string[] = [];
    const log = (event: Event) => seen.push(event.type);
    for (const type of LIFECYCLE) document.addEventListener(type, log);
    try {
      const page = await fixture(html`<div>
        <vc-phone silent .phone=${phone}></vc-phone>
        <vc-phone silent .phone=${phone}></vc-phone>
        <vc-phone silent .phone=${other}></vc-phone>
        <vc-call-list silent .phone=${phone}></vc-call-list>
      </div>`);
      await phone.connect();
      const call = await phone.callInState('ringing');
      await settled(page);
      phone.far(call).answer();
      await settled(page);
      call.sendDtmf('5');
      call.mute();
      call.setColor('red');
      await until(() => seen.includes('vc-call-dtmf'), 'dtmf');
      phone.far(call).hangUp();
      phone.removeCall(call.id);
      await phone.call('not a number').catch(() => undefined);
      const failed = await phone.callInState('failed', '+44 20 7946 0958', 404);
      void failed;
      await settled(page);
      const count = (type: string) => seen.filter((t) => t === type).length;
      expect(count('vc-call-dialing')).to.equal(2);
      expect(count('vc-call-ringing')).to.equal(2);
      for (const type of ['vc-call-answered', 'vc-call-dtmf', 'vc-call-mute', 'vc-call-color', 'vc-call-ended', 'vc-call-failed', 'vc-call-removed', 'vc-input-error', 'vc-connection-change']) {
        expect(count(type), type).to.equal(1);
      }
    } finally {
      for (const type of LIFECYCLE) document.removeEventListener(type, log);
    }
  });

  it('forwarded events bubble from the element, with the typed detail', async () => {
    const phone = new FakePhone();
    const el = await fixture<VcPhone>(html`<vc-phone silent .phone=${phone}></vc-phone>`);
    let target: EventTarget | null = null;
    let number = '';
    el.addEventListener('vc-call-dialing', (event) => {
      target = event.target;
      number = event.detail.call.target.e164 ?? '';
    });
    await phone.callInState('ringing');
    expect(target).to.equal(el);
    expect(number).to.equal('+442079460958');
  });

  it('stops forwarding when removed from the page', async () => {
    const phone = new FakePhone();
    const el = await fixture<VcPhone>(html`<vc-phone silent .phone=${phone}></vc-phone>`);
    let seen = 0;
    el.addEventListener('vc-call-dialing', () => seen++);
    el.remove();
    await phone.callInState('ringing');
    expect(seen).to.equal(0);
  });

  it('keeps credentials out of attributes and the DOM', async () => {
    const el = await fixture<VcPhone>(
      html`<vc-phone server="ws://127.0.0.1:9/ws" aor="sip:agent@example.com" .auth=${{ username: 'agent', password: 's3cr3t-Pa55' }}></vc-phone>`,
    );
    el.auth = { username: 'agent', password: 's3cr3t-Pa55' };
    getByRole(el, 'button', 'Place call').click();
    await settled(el);
    const markup = [el.outerHTML, ...deepQueryAll(el, '*').map((node) => node.shadowRoot?.innerHTML ?? '')];
    if (el.shadowRoot) markup.push(el.shadowRoot.innerHTML);
    for (const text of markup) expect(text).not.to.contain('s3cr3t-Pa55');
    expect([...el.attributes].map((a) => a.value).join(' ')).not.to.contain('s3cr3t');
    expect(JSON.stringify(el.phone!.config)).not.to.contain('s3cr3t');
    await el.phone!.dispose();
  });

  it('creates its phone from attributes and follows attribute changes', async () => {
    const el = await fixture<VcPhone>(
      html`<vc-phone server="wss://sip.example.com/ws" aor="sip:agent@example.com" display-name="Ann Agent" dtmf="info" disabled disabled-reason="Calling is off tonight."></vc-phone>`,
    );
    const phone = el.phone!;
    expect(phone.config.server).to.equal('wss://sip.example.com/ws');
    expect(phone.config.aor).to.equal('sip:agent@example.com');
    expect(phone.config.displayName).to.equal('Ann Agent');
    expect(phone.config.dtmf).to.equal('info');
    expect(phone.enabled).to.equal(false);
    expect(textOf(el)).to.contain('Calling is off tonight.');
    expect((getByRole(el, 'button', 'Place call') as HTMLButtonElement).disabled).to.equal(true);
    el.removeAttribute('disabled');
    el.setAttribute('server', 'wss://other.example.com/ws');
    await settled(el);
    expect(phone.enabled).to.equal(true);
    expect(phone.config.server).to.equal('wss://other.example.com/ws');
    expect((getByRole(el, 'button', 'Place call') as HTMLButtonElement).disabled).to.equal(false);
    await phone.dispose();
  });

  it('leaves a phone given as .phone alone where no attribute is set', async () => {
    const phone = new FakePhone({ server: 'wss://given.example.com/ws', enabled: false, disabledReason: 'Off.' });
    const el = await fixture<VcPhone>(html`<vc-phone .phone=${phone} aor="sip:someone@example.com"></vc-phone>`);
    await settled(el);
    expect(phone.config.server).to.equal('wss://given.example.com/ws');
    expect(phone.enabled).to.equal(false);
    expect(phone.config.aor).to.equal('sip:someone@example.com');
  });

  it('provides its phone to elements slotted inside it (context)', async () => {
    const phone = new FakePhone();
    const call = await phone.callInState('connected');
    const el = await fixture<VcPhone>(html`<vc-phone silent .phone=${phone}><vc-call-box silent call-id=${call.id}></vc-call-box></vc-phone>`);
    const slotted = el.querySelector('vc-call-box')!;
    await settled(el);
    expect(textOf(slotted.shadowRoot!.querySelector('[part="status"]'))).to.equal('Connected');
    getByRole(slotted, 'button', 'Mute').click();
    expect(call.muted).to.equal(true);
  });

  it('brings boxes back after a reload: live ones as ended by the reload, removable', async () => {
    const { memoryStorage } = await import('../../src/phone/store.js');
    const storage = memoryStorage();
    const before = new FakePhone({}, { storage });
    const live = await before.callInState('connected', '+44 20 7946 0958');
    live.setColor('amber');
    await before.callInState('failed', '+1 415 555 0132', 486);
    const after = new FakePhone({}, { storage });
    const el = await fixture<VcPhone>(html`<vc-phone silent .phone=${after}></vc-phone>`);
    await settled(el);
    const [busy, reloaded] = boxes(el);
    expect(textOf(busy.shadowRoot!.querySelector('[part="status"]'))).to.equal('Ended: The line is busy.');
    expect(textOf(reloaded.shadowRoot!.querySelector('[part="status"]'))).to.equal('Ended: The page was reloaded during the call.');
    getByRole(reloaded, 'button', 'Colour tag: Amber');
    await expect(el).to.be.accessible();
    getByRole(reloaded, 'button', 'Remove').click();
    await settled(el);
    expect(boxes(el).length).to.equal(1);
    expect(new FakePhone({}, { storage }).calls.length).to.equal(1);
  });
});

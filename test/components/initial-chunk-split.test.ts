// <vc-phone> as the CDN's first paint has it: the element, the place-call field and nothing
// else. The phone wiring (attributes -> phone config, settings, event forwarding, what a
// click-to-dial link dials) and the call list come later, as they do from the CDN's lazy chunks.
// This file imports neither `vc-phone.js` nor the call list, so that is what the page has here:
// a click or an attribute in the first moments must still reach the phone once it is there.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/components/place-call/vc-place-call.js';

/** Where the phone wiring puts itself when its code runs (the key <vc-phone> reads). */
const installedWiring = (): unknown => (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('vc-phone:phone-wiring:v2')];
import type { FakePhone } from '../../src/testing/fake-phone.js';
import { until } from './helpers.js';
import { forgetPhoneRelease, lazyPhone, phoneRelease } from './lazy-phone-fixture.js';

/** A real pointer click in the middle of an element, as a person clicks. */
async function click(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const rect = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}


describe('<vc-phone> before its later code has loaded (the CDN first paint)', () => {
  beforeEach(forgetPhoneRelease);

  it('queues a real click on a tel: link, places it with the attributes applied and its vc-call-request in the page', async () => {
    // Nothing has loaded the wiring yet: the element must load it itself.
    expect(installedWiring()).to.equal(undefined);
    const el = await lazyPhone('click-to-dial number-domain="trunk.example.com" default-country="GB" log-level="error" confirm-close="false"');
    const requests: string[] = [];
    const onRequest = (event: Event) => requests.push((event as CustomEvent<{ to: string }>).detail.to);
    document.addEventListener('vc-call-request', onRequest);
    try {
      const link = await fixture<HTMLAnchorElement>(html`<a href="tel:+44-20-7946-0958;phone-context=crm" data-vc-label="Erin" data-vc-record='{"id":"C-9"}'>Erin</a>`);
      let followed: boolean | undefined;
      window.addEventListener('click', (event) => ((followed = !event.defaultPrevented), event.preventDefault()), { once: true });
      await click(link);
      expect(followed).to.equal(false); // taken by the phone, not followed
      // The link changes after the click: what was clicked is what is dialled.
      link.setAttribute('data-vc-label', 'Someone else');
      expect(el.phone).to.equal(undefined);
      await until(() => phoneRelease() !== undefined, 'the click asked for the phone');
      phoneRelease()!();
      const phone = (await el.phoneReady) as FakePhone;
      await until(() => phone.calls.length === 1, 'the queued click was placed');
      expect(installedWiring(), 'the wiring loaded with the phone').not.to.equal(undefined);
      const [call] = phone.calls;
      expect([call.target.e164, call.label, call.record]).to.deep.equal(['+442079460958', 'Erin', { id: 'C-9' }]);
      expect(call.target.uri).to.contain('@trunk.example.com');
      expect([phone.config.defaultCountry, phone.config.logLevel, phone.confirmClose]).to.deep.equal(['GB', 'error', false]);
      expect(requests).to.deep.equal(['tel:+44-20-7946-0958']); // forwarded into the page once
    } finally {
      document.removeEventListener('vc-call-request', onRequest);
    }
  });

  it("re-exports the call list's parts once the call list's code has arrived", async () => {
    const el = await lazyPhone();
    const list = el.shadowRoot!.querySelector('vc-call-list')!;
    expect(customElements.get('vc-call-list')).to.equal(undefined);
    await import('../../src/components/call-list/vc-call-list.js');
    await until(() => (list.getAttribute('exportparts') ?? '').includes('recent-row'), 'the parts are re-exported');
    const parts = list.getAttribute('exportparts')!.split(', ');
    expect(parts).to.include.members(['live', 'recent-row', 'call-again-button', 'call-box', 'call-box-base', 'hangup-button']);
  });
});

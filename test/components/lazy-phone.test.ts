// <vc-phone> as the CDN build uses it: no Phone class given up front, so the element loads its
// phone later (on idle or as soon as the agent reaches for it) and stays usable meanwhile.
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/place-call/vc-place-call.js';
import '../../src/components/call-list/vc-call-list.js';
import { VcPhone, type PhoneClass } from '../../src/components/phone/phone-element.js';
import type { Phone } from '../../src/phone/phone.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { getByRole, settled, textOf, until } from './helpers.js';

/** Each test gets a tag whose phone code arrives when the test says so. */
let release: (() => void) | undefined;
let loads = 0;
let count = 0;
function lazyTag(): string {
  const tag = `lazy-phone-${++count}`;
  customElements.define(
    tag,
    class extends VcPhone {
      static override Phone = undefined;
      static override loadPhone = (): Promise<PhoneClass> => {
        loads++;
        return new Promise<void>((resolve) => (release = resolve)).then(() => FakePhone as unknown as PhoneClass);
      };
    },
  );
  return tag;
}

async function mount(attributes = ''): Promise<VcPhone> {
  const tag = lazyTag();
  const holder = await fixture<HTMLDivElement>(`<div><${tag} silent ${attributes}></${tag}></div>`);
  const el = holder.firstElementChild as VcPhone;
  await settled(el);
  return el;
}

describe('<vc-phone> with a lazily loaded phone (CDN build)', () => {
  beforeEach(() => {
    loads = 0;
    release = undefined;
  });

  it('"Place call" works before the phone has loaded; what was typed is checked once it has', async () => {
    const el = await mount();
    expect(el.phone).to.equal(undefined);
    const placeCall = getByRole(el, 'button', 'Place call') as HTMLButtonElement;
    expect(placeCall.disabled).to.equal(false);
    expect(textOf(el)).not.to.contain('No phone');
    placeCall.click(); // reaching for the element loads the phone now, not at idle time
    await settled(el);
    expect(loads).to.equal(1);
    await sendKeys({ type: '+442079460958' });
    expect((getByRole(el, 'button', 'Call') as HTMLButtonElement).disabled).to.equal(true);
    release!();
    const phone: Phone = await el.phoneReady;
    expect(phone).to.be.instanceOf(FakePhone);
    await until(() => !(getByRole(el, 'button', 'Call') as HTMLButtonElement).disabled, 'Call enabled once the phone is there');
    await sendKeys({ press: 'Enter' });
    await until(() => phone.calls.length === 1, 'the call was placed');
    expect(phone.calls[0].target.e164).to.equal('+442079460958');
    // The new box's enter animation and the button's colour transition end first (axe reads colours).
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('while loading, a disabled element says why (not "no phone")', async () => {
    const el = await mount('disabled disabled-reason="Calling is off tonight."');
    expect((getByRole(el, 'button', 'Place call') as HTMLButtonElement).disabled).to.equal(true);
    expect(textOf(el)).to.contain('Calling is off tonight.');
    expect(textOf(el)).not.to.contain('No phone');
  });

  it('makes its phone from the attributes when the code arrives; a phone given meanwhile wins', async () => {
    const el = await mount('server="wss://sip.example.com/ws" aor="sip:agent@example.com"');
    el.dispatchEvent(new Event('pointerover'));
    expect(loads).to.equal(1);
    release!();
    const phone = await el.phoneReady;
    expect(phone.config.server).to.equal('wss://sip.example.com/ws');
    expect(phone.config.aor).to.equal('sip:agent@example.com');

    const other = await mount();
    const given = new FakePhone();
    other.phoneReady.catch(() => undefined); // asking loads it...
    other.phone = given; // ...but the page sets one first
    release!();
    await settled(other);
    expect(other.phone).to.equal(given);
    expect(await other.phoneReady).to.equal(given);
  });
});

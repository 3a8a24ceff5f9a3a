// The phone a <vc-phone> makes for itself: it goes with the element (a single-page app that
// mounts and unmounts the element must not pile up phones), and the credentials it is given can
// be taken back.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/vc-phone.js';
import { VcPhone, type PhoneClass } from '../../src/components/phone/phone-element.js';
import type { PhoneConfig } from '../../src/phone/types.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';

/** `<vc-phone>` as the npm build defines it, making a FakePhone instead of a real one. */
class VcFakePhone extends VcPhone {
  static override Phone = FakePhone as unknown as PhoneClass;
}
customElements.define('vc-fake-phone', VcFakePhone);

/** The page a frame later: what was merely moved is back by then. */
async function aFrameLater(): Promise<void> {
  await nextFrame();
  await settle();
}

describe('<vc-phone> and the phone it made', () => {
  it('disposes it (hangs up, disconnects) once removed from the page for good', async () => {
    const el = await fixture<VcPhone>(html`<vc-fake-phone silent></vc-fake-phone>`);
    const phone = el.phone as FakePhone;
    const call = await phone.callInState('connected');
    el.remove();
    await aFrameLater();
    expect(phone.far(call).hungUpWith).to.equal('bye');
    expect(call.isLive).to.equal(false);
    expect(el.phone).to.equal(undefined);
  });

  it('keeps it when the element is only moved in the page', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><section></section><vc-fake-phone silent></vc-fake-phone></div>`);
    const el = page.querySelector('vc-fake-phone') as VcPhone;
    const phone = el.phone as FakePhone;
    const call = await phone.callInState('connected');
    page.querySelector('section')!.append(el); // out and back in, in one task
    await aFrameLater();
    await aFrameLater();
    expect(el.phone).to.equal(phone);
    expect(call.state).to.equal('connected');
    expect(phone.far(call).hungUpWith).to.equal(undefined);
  });

  it('makes a new phone when put back after it was disposed', async () => {
    const el = await fixture<VcPhone>(html`<vc-fake-phone silent aor="sip:agent@example.com"></vc-fake-phone>`);
    const first = el.phone;
    const parent = el.parentElement!;
    el.remove();
    await aFrameLater();
    parent.append(el);
    expect(el.phone).to.be.instanceOf(FakePhone);
    expect(el.phone).not.to.equal(first);
    expect(el.phone!.config.aor).to.equal('sip:agent@example.com');
    expect(await el.phoneReady).to.equal(el.phone);
  });

  it('never disposes a phone it was given', async () => {
    const given = new FakePhone();
    const el = await fixture<VcPhone>(html`<vc-fake-phone silent .phone=${given}></vc-fake-phone>`);
    const call = await given.callInState('connected');
    el.remove();
    await aFrameLater();
    expect(call.state).to.equal('connected');
    expect(given.far(call).hungUpWith).to.equal(undefined);
    await given.dispose();
  });
});

describe('<vc-phone> credentials', () => {
  /** Records what the element asks the phone to change (the phone's `config` never shows `auth`). */
  function recordConfigure(phone: FakePhone): PhoneConfig[] {
    const changes: PhoneConfig[] = [];
    const configure = phone.configure.bind(phone);
    phone.configure = (change: PhoneConfig) => {
      changes.push(change);
      configure(change);
    };
    return changes;
  }

  it('el.auth = undefined takes the credentials away from the phone', async () => {
    const el = await fixture<VcPhone>(html`<vc-fake-phone silent></vc-fake-phone>`);
    const changes = recordConfigure(el.phone as FakePhone);
    el.auth = { username: 'agent', password: 'secret' };
    expect(changes).to.deep.equal([{ auth: { username: 'agent', password: 'secret' } }]);
    el.auth = undefined;
    expect(changes.length).to.equal(2);
    expect(changes[1]).to.have.own.property('auth', undefined);
    await el.phone!.dispose();
  });

  it('an element rendered with no credentials leaves a given phone\'s credentials alone', async () => {
    const given = new FakePhone({ auth: { username: 'agent', password: 'secret' } });
    const changes = recordConfigure(given);
    await fixture<VcPhone>(html`<vc-fake-phone silent .phone=${given} .auth=${undefined}></vc-fake-phone>`);
    expect(changes.filter((change) => 'auth' in change)).to.deep.equal([]);
  });
});

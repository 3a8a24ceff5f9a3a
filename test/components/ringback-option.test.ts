import { expect, fixture, html } from '@open-wc/testing';
import '../../src/vc-phone.js';
import type { VcPhone } from '../../src/components/phone/phone-element.js';
import { PhoneInputError } from '../../src/phone/errors.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';

describe('ringback option', () => {
  it('asks the engine for the ringback in the dialled number\'s country by default, and for none with ringback: false', async () => {
    const phone = new FakePhone();
    const uk = await phone.call('+44 20 7946 0958');
    const us = await phone.call('+1 415 555 0132');
    const sip = await phone.call('sip:support@example.com');
    await settle();
    expect([uk, us, sip].map((call) => phone.far(call).request.ringback)).to.deep.equal([{ country: 'GB' }, { country: 'US' }, { country: undefined }]);
    phone.configure({ ringback: false });
    const quiet = await phone.call('+44 20 7946 0958');
    await settle();
    expect(phone.far(quiet).request.ringback).to.equal(false);
  });

  it('refuses a ringback setting that is not true or false', () => {
    const phone = new FakePhone();
    expect(() => phone.configure({ ringback: 'off' as unknown as boolean })).to.throw(PhoneInputError, 'ringback must be true or false');
  });

  it('<vc-phone ringback="off"> switches it off (and back on when the attribute goes)', async () => {
    const phone = new FakePhone();
    const el = await fixture<VcPhone>(html`<vc-phone silent ringback="off" .phone=${phone}></vc-phone>`);
    await el.updateComplete;
    expect(phone.config.ringback).to.equal(false);
    el.removeAttribute('ringback');
    await el.updateComplete;
    expect(phone.config.ringback).to.not.equal(false);
  });
});

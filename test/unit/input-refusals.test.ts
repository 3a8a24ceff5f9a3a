// Bad input found in review: each is refused in words, as a typed vc-input-error, and nothing is sent.
import { expect } from '@open-wc/testing';
import { PhoneInputError } from '../../src/phone/errors.js';
import { redact } from '../../src/phone/logger.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { until } from '../support/until.js';

type Seen = { code: string; field: string; message: string };
const errorsOf = (phone: FakePhone) => {
  const seen: Seen[] = [];
  phone.addEventListener('vc-input-error', (event) => seen.push(event.detail));
  return seen;
};
const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as PhoneInputError);

describe('tel: parameters are never dropped silently', () => {
  for (const to of ['tel:+442079460958;ext=1', 'tel:+1-415-555-0100;ext=204']) {
    it(`refuses ${to} in words, with vc-input-error, and sends nothing`, async () => {
      const phone = new FakePhone();
      const seen = errorsOf(phone);
      expect((await refusal(phone.checkTarget(to)))?.code).to.equal('tel-extension');
      const error = await refusal(phone.call(to));
      expect(error?.message).to.match(/Extensions can't be dialled.*keypad/);
      expect(seen.map(({ code, field }) => `${code} ${field}`)).to.deep.equal(['tel-extension to']);
      expect(phone.callsPlaced).to.equal(0);
    });
  }

  it('refuses a sub-address, and still dials a global number with a phone-context', async () => {
    const phone = new FakePhone();
    expect((await refusal(phone.call('tel:+442079460958;isub=12')))?.code).to.equal('tel-parameter');
    const call = await phone.call('tel:+44-20-7946-0958;phone-context=example.com');
    expect(call.target.uri).to.equal('sip:+442079460958@example.com');
  });
});

describe('a missing aor', () => {
  it('names the aor (not numberToUri, which the page never set) and sends vc-input-error', async () => {
    const phone = new FakePhone({ aor: undefined });
    const checked = await refusal(phone.checkTarget('+44 20 7946 0958'));
    expect([checked?.code, checked?.field]).to.deep.equal(['missing-config', 'aor']);
    expect(checked?.message).to.match(/aor/).and.to.match(/number-domain/).and.not.to.match(/numberToUri/);
    const seen = errorsOf(phone);
    await refusal(phone.call('+44 20 7946 0958'));
    expect(seen.map(({ code, field }) => `${code} ${field}`)).to.deep.equal(['missing-config aor']);
    expect(phone.callsPlaced).to.equal(0);
  });

  it('is not needed with a number domain', async () => {
    const phone = new FakePhone({ aor: undefined, numberDomain: 'trunk.example.com' });
    expect((await phone.checkTarget('+44 20 7946 0958')).uri).to.equal('sip:+442079460958@trunk.example.com');
  });
});

describe('settings refused in words', () => {
  it('refuses a caller ID that is no number nor address, and keeps the list it had', () => {
    const phone = new FakePhone({ fromNumbers: ['+44 20 7183 8750'] });
    const seen = errorsOf(phone);
    expect(() => phone.configure({ fromNumbers: ['+44 20 7183 8750', 'hello'] })).to.throw(PhoneInputError, /"hello" is not a phone number or a sip:\/tel: address/);
    expect(seen.map(({ field }) => field)).to.deep.equal(['fromNumbers']);
    expect(phone.config.fromNumbers).to.deep.equal(['+44 20 7183 8750']);
    phone.configure({ fromNumbers: ['+1 (415) 555-0100', 'sip:sales@example.com', { displayName: 'Desk', uri: 'tel:+442071838750' }] });
  });

  it('refuses a region the number metadata does not know once it has loaded, and keeps the previous one', async () => {
    const phone = new FakePhone();
    phone.configure({ defaultCountry: 'GB' });
    const seen = errorsOf(phone);
    phone.configure({ defaultCountry: 'XX' });
    await until(() => seen.length > 0, 'XX was refused');
    expect(seen[0].field).to.equal('defaultCountry');
    expect(seen[0].message).to.match(/"XX" is not a country the phone knows/);
    expect(phone.config.defaultCountry).to.equal('GB');
    expect((await phone.call('020 7946 0958')).target.e164).to.equal('+442079460958');
  });

  it('says what was given for a wrap-up time that is not a number', () => {
    const phone = new FakePhone();
    expect(() => phone.configure({ wrapUpSeconds: 'soon' as never })).to.throw(PhoneInputError, /whole number from 1 to 3600 \(not the text "soon"\)/);
    expect(() => phone.configure({ wrapUpSeconds: Number.NaN })).to.throw(PhoneInputError, /\(not something that is not a number\)/);
  });
});

describe('the log', () => {
  it("reads sip.js's own password line sensibly, revealing nothing", () => {
    expect(redact('| authorizationPassword: NOT SHOWN', [])).to.equal('| authorizationPassword: [redacted]');
    expect(redact('password=Pa55 next', [])).to.equal('password=[redacted] next');
  });
});

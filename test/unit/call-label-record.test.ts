import { expect } from '@open-wc/testing';
import { PhoneInputError } from '../../src/phone/errors.js';
import { memoryStorage } from '../../src/phone/store.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';

describe('a call\'s label and record', () => {
  it('carries the contact name and the CRM record in the call, every event and storage, never on the wire', async () => {
    const storage = memoryStorage();
    const phone = new FakePhone({}, { storage });
    const seen: unknown[] = [];
    phone.addEventListener('vc-call-answered', (event) => seen.push([event.detail.call.label, event.detail.call.record]));
    const record = { id: 'C-1042', type: 'contact', tags: ['vip'] };
    const call = await phone.call('+44 20 7946 0958', { label: 'Alice Martin', record });
    await settle();
    phone.far(call).answer();
    expect([call.label, call.record]).to.deep.equal(['Alice Martin', record]);
    expect(seen).to.deep.equal([['Alice Martin', record]]);
    expect(call.toJSON()).to.include({ label: 'Alice Martin' });
    const wire = JSON.stringify(phone.far(call).request);
    expect(wire).not.to.contain('Alice');
    expect(wire).not.to.contain('C-1042');
    await settle();
    const reloaded = new FakePhone({}, { storage });
    expect([reloaded.calls[0].label, reloaded.calls[0].record]).to.deep.equal(['Alice Martin', record]);
  });

  for (const [what, options, code] of [
    ['a label with a direction override', { label: 'Alice \u202eevil' }, 'invalid-characters'],
    ['a label of 201 characters', { label: 'a'.repeat(201) }, 'too-long'],
    ['a label that is a number', { label: 42 }, 'wrong-type'],
    ['a record that is not JSON', { record: { when: new Date(0) } }, 'wrong-type'],
    ['a record of 5 kB', { record: 'x'.repeat(5000) }, 'too-long'],
  ] as const) {
    it(`refuses ${what} with words, and places nothing`, async () => {
      const phone = new FakePhone();
      const error = await phone.call('+44 20 7946 0958', options as never).then(() => undefined, (reason: unknown) => reason);
      expect(error).to.be.instanceOf(PhoneInputError);
      expect((error as PhoneInputError).code).to.equal(code);
      expect(phone.calls).to.have.length(0);
    });
  }
});

describe('the phone\'s active call and reconnect time', () => {
  it('says which call hears the agent, and tells its listeners when that moves', async () => {
    const phone = new FakePhone();
    let changes = 0;
    const first = await phone.callInState('connected');
    phone.addEventListener('change', () => changes++);
    expect(phone.activeCallId).to.equal(first.id);
    first.hangup();
    await settle();
    expect(phone.activeCallId).to.equal(undefined);
    expect(changes).to.be.greaterThan(0);
  });

  it('tells when the next reconnect attempt is due', () => {
    const phone = new FakePhone();
    const at = Date.now() + 4000;
    const seen: unknown[] = [];
    phone.addEventListener('vc-connection-change', (event) => seen.push(event.detail));
    phone.simulateConnection('reconnecting', 'The connection was lost.', at);
    expect(phone.reconnectAt).to.equal(at);
    expect(seen).to.deep.equal([{ state: 'reconnecting', message: 'The connection was lost.', retryAt: at }]);
  });
});

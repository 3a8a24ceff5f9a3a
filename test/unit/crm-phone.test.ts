import { expect } from '@open-wc/testing';
import { PhoneInputError } from '../../src/phone/errors.js';
import { historyKey } from '../../src/phone/call-history.js';
import { memoryStorage } from '../../src/phone/store.js';
import type { PhoneLogger } from '../../src/phone/types.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { until } from '../support/until.js';

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as PhoneInputError);
const errorsOf = (phone: FakePhone) => {
  const seen: string[] = [];
  phone.addEventListener('vc-input-error', (event) => seen.push(`${event.detail.code}: ${event.detail.message}`));
  return seen;
};

describe('vc-call-request from phone.call()', () => {
  it('is dispatched (cancelable) for a call placed from code, with the label and record; cancelled, nothing is sent', async () => {
    const phone = new FakePhone();
    const seen: unknown[] = [];
    phone.addEventListener('vc-call-request', (event) => {
      seen.push([event.detail.to, event.detail.target.e164, event.detail.label, event.detail.record]);
      event.preventDefault();
    });
    const error = await refusal(phone.call('+44 20 7946 0958', { label: 'Alice', record: { id: 7 } }));
    expect(error?.code).to.equal('call-request-cancelled');
    expect(seen).to.deep.equal([['+44 20 7946 0958', '+442079460958', 'Alice', { id: 7 }]]);
    expect(phone.farEnds).to.have.length(0);
    expect(phone.calls).to.have.length(0);
  });
});

describe('beforeDial policy', () => {
  it('is asked with the checked target before anything is sent, and an allowed call goes out', async () => {
    const asked: unknown[] = [];
    const phone = new FakePhone({ beforeDial: async (request) => void asked.push([request.target.country, request.label]) });
    const call = await phone.call('+44 20 7946 0958', { label: 'Alice' });
    expect(asked).to.deep.equal([['GB', 'Alice']]);
    await settle();
    expect(phone.far(call).request.uri).to.contain('+442079460958');
  });

  for (const [what, hook, words] of [
    ['a refusal with reasons', async () => ({ refuse: 'This number is on the do-not-call list.' }), 'This number is on the do-not-call list.'],
    ['false', () => false, 'This call is not allowed.'],
    ['a policy that throws', () => Promise.reject(new Error('CRM down')), 'The call check failed, so the call was not placed: CRM down'],
    ['a policy that never answers', () => new Promise(() => undefined), 'The call check did not answer within 0.2 s, so the call was not placed.'],
  ] as const) {
    it(`refuses the call on ${what}: words, a vc-input-error, nothing sent`, async () => {
      const phone = new FakePhone({ beforeDial: hook as never, beforeDialTimeoutMs: 200 });
      const errors = errorsOf(phone);
      const error = await refusal(phone.call('+44 20 7946 0958'));
      expect(error).to.be.instanceOf(PhoneInputError);
      expect([error?.code, error?.message]).to.deep.equal(['refused-by-policy', words]);
      expect(errors).to.deep.equal([`refused-by-policy: ${words}`]);
      expect(phone.farEnds).to.have.length(0);
      expect(phone.calls).to.have.length(0);
    });
  }
});

describe('caller ID from an allowed list', () => {
  const fromNumbers = ['+44 20 7183 8750', { displayName: 'Sales', uri: '+1 415 555 0100' }];

  it('uses the first caller ID by default and another one from the list when asked', async () => {
    const phone = new FakePhone({ aor: 'sip:agent@pbx.example.com', fromNumbers });
    const first = await phone.call('+33 1 42 68 53 00');
    const second = await phone.call('+33 1 42 68 53 00', { from: '+14155550100' });
    await settle();
    expect(phone.far(first).request.fromUri).to.equal('sip:+442071838750@pbx.example.com;user=phone');
    expect(phone.far(second).request.fromUri).to.equal('sip:+14155550100@pbx.example.com;user=phone');
    expect(phone.far(second).request.fromDisplayName).to.equal('Sales');
  });

  it('refuses a caller ID outside the list with words, and sends nothing', async () => {
    const phone = new FakePhone({ fromNumbers });
    const errors = errorsOf(phone);
    const error = await refusal(phone.call('+33 1 42 68 53 00', { from: '+44 20 7946 0000' }));
    expect(error?.code).to.equal('from-not-allowed');
    expect(errors[0]).to.contain("is not one of this phone's caller IDs");
    expect(phone.farEnds).to.have.length(0);
  });

  it('withholds the number (anonymous From, Privacy: id) only where allowed', async () => {
    const refused = await refusal(new FakePhone({ fromNumbers }).call('+33 1 42 68 53 00', { from: 'anonymous' }));
    expect(refused?.code).to.equal('from-not-allowed');
    const phone = new FakePhone({ fromNumbers, allowAnonymous: true });
    const call = await phone.call('+33 1 42 68 53 00', { from: 'anonymous' });
    await settle();
    const request = phone.far(call).request;
    expect([request.fromUri, request.fromDisplayName]).to.deep.equal(['sip:anonymous@anonymous.invalid', 'Anonymous']);
    expect(request.extraHeaders).to.include('Privacy: id');
    expect(request.extraHeaders.join('\n')).not.to.contain('P-Asserted-Identity');
  });
});

describe('national numbers with a default country (opt-in)', () => {
  it('refuses them by default and dials them in the CRM country when it opts in', async () => {
    expect((await refusal(new FakePhone().call('020 7946 0958')))?.code).to.equal('national-format');
    const phone = new FakePhone({ defaultCountry: 'GB' });
    const call = await phone.call('020 7946 0958');
    expect(call.target.e164).to.equal('+442079460958');
    expect(() => phone.configure({ defaultCountry: 'gb-x' })).to.throw(PhoneInputError);
  });
});

describe('phone.history', () => {
  it('keeps each finished call (party, label, record, direction, times, outcome, colour), newest first, capped', async () => {
    const storage = memoryStorage();
    const phone = new FakePhone({ aor: 'sip:ann@example.com', maxHistory: 2 }, { storage });
    const first = await phone.call('+44 20 7946 0958', { label: 'Alice', record: { id: 'C-1' }, color: 'green' });
    await settle();
    phone.far(first).answer();
    first.hangup();
    await settle();
    expect(phone.history.length).to.equal(1);
    const entry = phone.history.entries[0];
    expect(entry).to.include({ id: first.id, party: 'Alice', to: '+442079460958', label: 'Alice', direction: 'outbound', color: 'green' });
    expect(entry.record).to.deep.equal({ id: 'C-1' });
    expect(entry.outcome?.reason).to.equal('hangup');
    expect(entry.startedAt).to.be.a('number');
    expect(entry.durationMs).to.be.a('number');
    for (const to of ['+1 415 555 0132', '+33 1 42 68 53 00']) {
      const call = await phone.call(to);
      await settle();
      phone.far(call).reject(486);
      await settle();
    }
    expect(phone.history.entries.map((e) => e.to)).to.deep.equal(['+33142685300', '+14155550132']);
    // Binning a box keeps its history entry; a reload keeps the history.
    phone.removeCall(phone.calls[0].id);
    await settle();
    expect(new FakePhone({ aor: 'sip:ann@example.com', maxHistory: 2 }, { storage }).history.length).to.equal(2);
    phone.history.clear();
    expect(phone.history.length).to.equal(0);
    expect(storage.getItem(historyKey('default', 'sip:ann@example.com'))).to.equal(null);
  });

  it('is kept per agent: another agent on the same machine does not see it', async () => {
    const storage = memoryStorage();
    const ann = new FakePhone({ aor: 'sip:ann@example.com' }, { storage });
    (await ann.callInState('connected')).hangup();
    await settle();
    expect(ann.history.length).to.equal(1);
    expect(new FakePhone({ aor: 'sip:bob@example.com' }, { storage }).history.length).to.equal(0);
    ann.configure({ aor: 'sip:bob@example.com' });
    expect(ann.history.length).to.equal(0);
  });

  it('leaves nothing behind after signOut() (history, boxes, prefs) and forgets the credentials', async () => {
    const storage = memoryStorage();
    const phone = new FakePhone({ aor: 'sip:ann@example.com', auth: { username: 'ann', password: 's3cret-pw' } }, { storage });
    await phone.call('+44 20 7946 0958', { label: 'Alice Martin', record: { id: 'C-1042' } });
    const live = await phone.callInState('connected', '+1 415 555 0132');
    await settle();
    phone.confirmClose = false;
    await phone.signOut();
    await settle();
    expect(live.isFinal).to.equal(true);
    expect(phone.history.length).to.equal(0);
    expect(phone.calls).to.have.length(0);
    const everything = [historyKey('default', 'sip:ann@example.com'), 'vc-phone:v1:default'].map((key) => storage.getItem(key) ?? '').join('');
    expect(everything).not.to.contain('Alice');
    expect(everything).not.to.contain('C-1042');
    expect(everything).not.to.contain('4155550132');
    const again = new FakePhone({ aor: 'sip:ann@example.com' }, { storage });
    expect([again.history.length, again.calls.length, again.confirmClose]).to.deep.equal([0, 0, true]);
  });

  it('clearStorage() forgets the finished calls and history but keeps a live call', async () => {
    const phone = new FakePhone({ aor: 'sip:ann@example.com' });
    (await phone.callInState('connected')).hangup();
    const live = await phone.callInState('connected');
    await settle();
    phone.clearStorage();
    expect(phone.calls).to.deep.equal([live]);
    expect(phone.history.length).to.equal(0);
  });
});

describe('wrap-up', () => {
  let realFetch: typeof fetch;
  const posted: Array<Record<string, unknown>> = [];
  beforeEach(() => {
    realFetch = window.fetch;
    posted.length = 0;
    window.fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      posted.push(JSON.parse(init?.body as string) as Record<string, unknown>);
      return new Response(null, { status: 204 });
    });
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('carries notes and a disposition from the list in vc-call-wrapped-up, the webhook and the history', async () => {
    const phone = new FakePhone({ dispositions: ['Interested', 'Call back', 'Wrong number'], statusWebhook: { url: 'https://crm.example.com/hook' } });
    const seen: unknown[] = [];
    phone.addEventListener('vc-call-wrapped-up', (event) => seen.push([event.detail.call.label, event.detail.wrapUp.disposition, event.detail.wrapUp.notes]));
    const call = await phone.call('+44 20 7946 0958', { label: 'Alice' });
    await settle();
    phone.far(call).answer();
    call.hangup();
    await settle();
    expect(phone.pendingWrapUps).to.deep.equal([call]);
    expect(() => phone.wrapUp(call.id, { disposition: 'Sold a boat' })).to.throw(PhoneInputError, 'is not one of the dispositions');
    phone.wrapUp(call.id, { disposition: 'Call back', notes: 'Wants a quote\nnext week' });
    expect(seen).to.deep.equal([['Alice', 'Call back', 'Wants a quote\nnext week']]);
    expect(phone.pendingWrapUps).to.have.length(0);
    expect(phone.history.entries[0].wrapUp?.disposition).to.equal('Call back');
    expect(() => phone.wrapUp(call.id, {})).to.throw(PhoneInputError, 'already wrapped up');
    await until(() => posted.some((p) => p.type === 'vc-call-wrapped-up'), 'the wrap-up posted to the webhook');
    const hook = posted.find((p) => p.type === 'vc-call-wrapped-up') as { data: { wrapUp: { disposition: string } }; call: { label: string } };
    expect([hook.data.wrapUp.disposition, hook.call.label]).to.deep.equal(['Call back', 'Alice']);
  });

  it('refuses a wrap-up of a live call', async () => {
    const phone = new FakePhone({ wrapUp: true });
    const call = await phone.callInState('connected');
    expect(() => phone.wrapUp(call.id, {})).to.throw(PhoneInputError, 'once it has ended');
  });

  it('saves what was entered when the wrap-up timer runs out', async () => {
    const phone = new FakePhone({ dispositions: ['Interested'], wrapUpSeconds: 1 });
    const call = await phone.callInState('connected');
    call.hangup();
    await settle();
    expect(phone.wrapUpDueAt(call.id)).to.be.closeTo((call.endedAt ?? 0) + 1000, 1);
    phone.draftWrapUp(call.id, { disposition: 'Interested', notes: 'half typed' });
    await until(() => call.wrapUp !== undefined, 'the timed-out wrap-up', 5000);
    expect(call.wrapUp).to.include({ disposition: 'Interested', notes: 'half typed', timedOut: true });
  });
});

describe('logger', () => {
  it('routes lines at the configured level to the page logger, without the passwords', async () => {
    const lines: Array<[string, string]> = [];
    const logger: PhoneLogger = (level, message) => lines.push([level, message]);
    const phone = new FakePhone({ logLevel: 'debug', logger, auth: { username: 'ann', password: 'Pa55-word!' }, statusWebhook: { url: 'https://crm.example.com/h', password: 'hook-secret' } });
    await phone.call('+44 20 7946 0958');
    await refusal(phone.call('abc'));
    phone.log('debug', 'Authorization: Digest username="ann", response="abc"\npassword=Pa55-word! and hook-secret');
    expect(lines.map(([level]) => level)).to.include.members(['info', 'debug']);
    const all = JSON.stringify(lines);
    expect(all).not.to.contain('Pa55-word!');
    expect(all).not.to.contain('hook-secret');
    expect(all).not.to.contain('response=');
    lines.length = 0;
    phone.configure({ logLevel: 'off' });
    await refusal(phone.call('abc'));
    expect(lines).to.deep.equal([]);
  });

  it('refuses a log level it does not know', () => {
    expect(() => new FakePhone().configure({ logLevel: 'loud' as never })).to.throw(PhoneInputError, 'logLevel must be one of');
  });
});

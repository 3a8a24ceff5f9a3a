import { expect } from '@open-wc/testing';
import { Phone, checkServerUrl } from '../../src/phone/phone.js';
import { PhoneInputError } from '../../src/phone/errors.js';
import { memoryStorage } from '../../src/phone/store.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';

async function refusal(promise: Promise<unknown>): Promise<PhoneInputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PhoneInputError);
    return error as PhoneInputError;
  }
  throw new Error('accepted');
}

describe('Phone', () => {
  it('requires wss: except for localhost', () => {
    expect(checkServerUrl('wss://sip.example.com/ws')).to.equal('wss://sip.example.com/ws');
    expect(checkServerUrl('ws://127.0.0.1:5066')).to.equal('ws://127.0.0.1:5066/');
    expect(checkServerUrl('ws://localhost:5066/ws')).to.equal('ws://localhost:5066/ws');
    expect(() => checkServerUrl('ws://sip.example.com')).to.throw(/only allowed for localhost.*wss:\/\/sip\.example\.com/);
    expect(() => checkServerUrl('https://sip.example.com')).to.throw(/wss:\/\//);
    expect(() => checkServerUrl('wss://user:pw@sip.example.com')).to.throw(/never in the server address/);
    expect(() => checkServerUrl(undefined)).to.throw(/No SIP server/);
  });

  it('refuses bad configuration and bad input with an event, and sends nothing', async () => {
    const phone = new FakePhone({ server: 'ws://sip.example.com' });
    const events: string[] = [];
    phone.addEventListener('vc-input-error', (e) => events.push(`${e.detail.code}/${e.detail.field}`));
    expect((await refusal(phone.call('+44 20 7946 0958'))).code).to.equal('insecure-server');
    phone.configure({ server: 'wss://sip.example.com', aor: undefined });
    expect((await refusal(phone.call('+44 20 7946 0958'))).code).to.equal('missing-config');
    phone.configure({ aor: 'sip:agent@example.com' });
    expect((await refusal(phone.call('020 7946 0958'))).code).to.equal('national-format');
    expect((await refusal(phone.call('+44 20 7946 0958', { context: { Note: 'a\r\nVia: x' } }))).code).to.equal('invalid-header-value');
    expect((await refusal(phone.call('+44 20 7946 0958', { route: 'sip:evil.example.com?X=1' }))).code).to.equal('invalid-route');
    expect((await refusal(phone.call('+44 20 7946 0958', { headers: { Via: 'x' } }))).code).to.equal('forbidden-header');
    expect((await refusal(phone.call('+44 20 7946 0958', { from: { displayName: 'A\nB' } }))).code).to.equal('control-characters');
    expect((await refusal(phone.call('+44 20 7946 0958', { statusWebhook: { url: 'javascript:alert(1)' } }))).field).to.equal('statusWebhook');
    phone.enabled = false;
    const disabled = await refusal(phone.call('+44 20 7946 0958'));
    expect(disabled.code).to.equal('disabled');
    expect(disabled.message).to.equal('Outbound calling is switched off.');
    expect(events).to.deep.equal([
      'insecure-server/server',
      'missing-config/aor',
      'national-format/to',
      'invalid-header-value/context',
      'invalid-route/route',
      'forbidden-header/headers',
      'control-characters/from',
      'invalid-config/statusWebhook',
      'disabled/enabled',
    ]);
    expect(phone.farEnds).to.have.length(0);
    expect(phone.calls).to.have.length(0);
  });

  it('puts every option on the request the far end receives', async () => {
    const phone = new FakePhone({ aor: 'sip:agent@pbx.example.com', displayName: 'Agent Smith' });
    const call = await phone.call('+1 (415) 555-0132', {
      from: { displayName: 'Acme Support', uri: '+44 20 7183 8750' },
      context: { TicketId: 'T-1001' },
      route: ['sip:edge.example.com;lr'],
      headers: { 'X-Campaign': 'renewals' },
    });
    await settle();
    const far = phone.far(call);
    expect(far.request.uri).to.equal('sip:+14155550132@pbx.example.com');
    expect(far.request.fromUri).to.equal('sip:+442071838750@pbx.example.com;user=phone');
    expect(far.request.fromDisplayName).to.equal('Acme Support');
    expect(far.request.extraHeaders).to.deep.equal([
      'Route: <sip:edge.example.com;lr>',
      'X-VC-TicketId: T-1001',
      'X-Campaign: renewals',
      'P-Asserted-Identity: "Acme Support" <sip:+442071838750@pbx.example.com;user=phone>',
    ]);
    expect(call.target.display).to.equal('+1 415 555 0132');
  });

  it("adds a call's context and headers to the defaults", async () => {
    const phone = new FakePhone({ defaults: { context: { Team: 'renewals', Site: 'LDN' }, headers: { 'X-Tenant': 'acme' } } });
    const call = await phone.call('+44 20 7946 0958', { context: { Site: 'NYC', TicketId: '7' } });
    await settle();
    expect(phone.far(call).request.extraHeaders).to.deep.equal(['X-VC-Team: renewals', 'X-VC-Site: NYC', 'X-VC-TicketId: 7', 'X-Tenant: acme']);
  });

  it('dispatches each life-cycle fact once, in order, for a CRM to log', async () => {
    const phone = new FakePhone();
    const log: string[] = [];
    for (const type of ['vc-call-dialing', 'vc-call-ringing', 'vc-call-answered', 'vc-call-dtmf', 'vc-call-mute', 'vc-call-color', 'vc-call-ended', 'vc-call-failed', 'vc-call-removed'] as const) {
      phone.addEventListener(type, (e) => log.push(`${type}:${e.detail.call.state}`));
    }
    const call = await phone.call('+44 20 7946 0958');
    await settle();
    const far = phone.far(call);
    far.answer();
    call.sendDtmf('12');
    call.mute();
    call.setColor('amber');
    await settle();
    await settle();
    call.hangup();
    phone.removeCall(call.id);
    expect(log).to.deep.equal([
      'vc-call-dialing:dialing',
      'vc-call-ringing:ringing',
      'vc-call-answered:connected',
      'vc-call-mute:connected',
      'vc-call-color:connected',
      'vc-call-dtmf:connected',
      'vc-call-dtmf:connected',
      'vc-call-ended:ended',
      'vc-call-removed:ended',
    ]);
    expect(far.digits).to.deep.equal(['1', '2']);
    expect(far.hungUpWith).to.equal('bye');
    expect(phone.farEnds).to.have.length(0);
    expect(call.outcome).to.deep.equal({ endedBy: 'local', reason: 'hangup', message: 'Call ended.' });
  });

  it('a hang-up whose engine session throws at once (sip.js: "Invalid dialog state") throws nothing and ends the call, not "Hanging up…"', async () => {
    const phone = new FakePhone();
    const connected = await phone.callInState('connected');
    const ringing = await phone.callInState('ringing');
    for (const call of [connected, ringing]) {
      (call as unknown as { session: { hangup(): void } }).session.hangup = () => {
        throw new Error('Invalid dialog state Terminated');
      };
      expect(() => call.hangup()).not.to.throw();
      expect([call.state, call.hangingUp]).to.deep.equal(['ended', false]);
    }
    expect(connected.outcome).to.deep.include({ endedBy: 'local', reason: 'hangup' });
    expect(ringing.outcome).to.deep.include({ endedBy: 'local', reason: 'cancelled' });
  });

  it('ends with words: busy, not found, remote hang-up, cancel, microphone', async () => {
    const phone = new FakePhone();
    const busy = await phone.callInState('failed', '+44 20 7946 0958', 486);
    expect(busy.state).to.equal('failed');
    expect(busy.outcome).to.deep.include({ reason: 'busy', sipStatus: 486, message: 'The line is busy.' });
    const remote = await phone.callInState('ended');
    expect(remote.outcome).to.deep.include({ endedBy: 'remote', reason: 'hangup' });
    const ringing = await phone.callInState('ringing');
    ringing.hangup();
    expect(ringing.state).to.equal('ended');
    expect(ringing.outcome).to.deep.include({ endedBy: 'local', reason: 'cancelled' });
    expect(phone.far(ringing).hungUpWith).to.equal('cancel');
    phone.microphone = 'denied';
    const denied = await phone.call('+44 20 7946 0958');
    await settle();
    expect(denied.state).to.equal('failed');
    expect(denied.outcome?.reason).to.equal('microphone-denied');
    expect(denied.outcome?.message).to.match(/Allow the microphone.*allow="microphone"/);
  });

  it('refuses DTMF that is not a key, or on a call not connected', async () => {
    const phone = new FakePhone();
    const call = await phone.callInState('ringing');
    expect(() => call.sendDtmf('1')).to.throw(/once the call is connected/);
    phone.far(call).answer();
    expect(() => call.sendDtmf('1x')).to.throw(/Only the keys/);
    expect(() => call.setColor('Red!')).to.throw(/not a colour name/);
  });

  it('keeps finished boxes and brings a live call back as ended by the reload', async () => {
    const storage = memoryStorage();
    const before = new FakePhone({}, { storage });
    const ended = await before.callInState('failed', '+1 415 555 0132', 486);
    ended.setColor('red');
    const live = await before.callInState('connected', '+44 20 7946 0958');
    live.setColor('blue');
    before.confirmClose = false;
    await settle(); // state is written once per task

    const after = new FakePhone({}, { storage });
    expect(after.calls.map((c) => [c.target.display, c.state, c.color, c.outcome?.reason])).to.deep.equal([
      ['+44 20 7946 0958', 'ended', 'blue', 'reload'],
      ['+1 415 555 0132', 'failed', 'red', 'busy'],
    ]);
    expect(after.calls[0].outcome?.message).to.equal('The page was reloaded during the call.');
    expect(after.calls[0].restored).to.equal(true);
    expect(after.confirmClose).to.equal(false);
    after.removeCall(after.calls[1].id);
    await settle();
    expect(new FakePhone({}, { storage }).calls).to.have.length(1);
  });

  it('uses new credentials from the next call placed once no call is live; hides passwords from config', async () => {
    const phone = new FakePhone({ auth: { username: 'old', password: 'p1' }, statusWebhook: { url: 'https://crm.example.com/h', username: 'u', password: 'hook-pw' } });
    const live = await phone.callInState('connected');
    phone.configure({ auth: { username: 'new', password: 'p2' } });
    await phone.callInState('connected');
    expect(phone.connections.map((c) => c.username)).to.deep.equal(['old']);
    phone.far(live).hangUp();
    for (const call of phone.calls) call.hangup();
    await phone.callInState('connected');
    expect(phone.connections.map((c) => c.username)).to.deep.equal(['old', 'new']);
    expect(JSON.stringify(phone.config)).not.to.contain('p2');
    expect(JSON.stringify(phone.config)).not.to.contain('hook-pw');
    expect(phone.config.statusWebhook).to.deep.equal({ url: 'https://crm.example.com/h', username: 'u' });
  });

  it('does not load sip.js until a call (or a warm-up) needs it', async () => {
    const phone = new Phone({ server: 'wss://sip.example.invalid', aor: 'sip:a@example.com' }, { storage: memoryStorage() });
    const scripts = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('sip.js'));
    expect(scripts).to.deep.equal([]);
    expect(phone.connectionState).to.equal('idle');
    await phone.dispose();
  });
});

import { expect } from '@open-wc/testing';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { parseSipfrag, referToReplacing, referToUri } from '../../src/phone/transfer-refer.js';

/** Every transfer event and end of call the phone dispatched, as short lines. */
function record(phone: FakePhone): string[] {
  const seen: string[] = [];
  phone.addEventListener('vc-call-transfer', (event) => {
    const { state, kind, to, message } = event.detail;
    seen.push(`transfer ${state} ${kind} ${to}${message ? `: ${message}` : ''}`);
  });
  phone.addEventListener('vc-call-ended', (event) => seen.push(`ended ${event.detail.outcome.reason}: ${event.detail.outcome.message}`));
  phone.addEventListener('vc-input-error', (event) => seen.push(`input-error ${event.detail.code} ${event.detail.field}`));
  return seen;
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);

describe('Refer-To', () => {
  it('brackets the target, so a number URI keeps its ;user=phone inside', () => {
    expect(referToUri('sip:+442079460958@example.com;user=phone')).to.equal('<sip:+442079460958@example.com;user=phone>');
    expect(referToUri('sips:alice@example.com')).to.equal('<sips:alice@example.com>');
  });

  it('refuses anything that could break out of the header', () => {
    for (const bad of ['sip:a@b.com>\r\nX-Evil: 1', 'sip:a b@c.com', 'tel:+442079460958', 'javascript:alert(1)', '<sip:a@b.com>']) {
      expect(() => referToUri(bad), bad).to.throw(/not a SIP address a transfer can be sent to/);
    }
  });

  it('names the consult dialog in Replaces (call-id, to-tag = the target\'s tag, from-tag = ours), escaped', () => {
    const value = referToReplacing({ remoteTarget: 'sip:far@127.0.0.1:5172;transport=udp', callId: 'abc123@host', remoteTag: 'farTag', localTag: 'ourTag' });
    expect(value).to.equal('<sip:far@127.0.0.1:5172;transport=udp?Replaces=abc123%40host%3Bto-tag%3DfarTag%3Bfrom-tag%3DourTag>');
    expect(decodeURIComponent(/Replaces=([^>]*)/.exec(value)![1])).to.equal('abc123@host;to-tag=farTag;from-tag=ourTag');
  });
});

describe('sipfrag', () => {
  it('reads the status line of a NOTIFY body', () => {
    expect(parseSipfrag('SIP/2.0 200 OK\r\n')).to.deep.equal({ status: 200, reason: 'OK' });
    expect(parseSipfrag('SIP/2.0 100 Trying')).to.deep.equal({ status: 100, reason: 'Trying' });
    expect(parseSipfrag('SIP/2.0 486 Busy Here\r\nContent-Length: 0\r\n\r\n')).to.deep.equal({ status: 486, reason: 'Busy Here' });
    expect(parseSipfrag('SIP/2.0 603')).to.deep.equal({ status: 603, reason: '' });
  });

  it('tells nothing for a body that is not a status line', () => {
    for (const body of [undefined, '', 'INVITE sip:a@b SIP/2.0', 'SIP/2.0 99 Odd', 'SIP/2.0 OK', 'HTTP/1.1 200 OK', 'SIP/2.0 2000 OK']) {
      expect(parseSipfrag(body), String(body)).to.equal(undefined);
    }
  });
});

describe('call.transfer (blind)', () => {
  it('REFERs to the number as phone.call would address it, follows the NOTIFY and ends the call as transferred', async () => {
    const phone = new FakePhone();
    const seen = record(phone);
    const call = await phone.callInState('connected');
    await call.transfer('+1 415 555 0132');
    expect(phone.far(call).referredTo).to.deep.equal(['<sip:+14155550132@example.com>']);
    expect(call.state).to.equal('ended');
    expect(call.outcome).to.deep.include({ endedBy: 'local', reason: 'transferred', message: 'Transferred to +1 415 555 0132.' });
    expect(phone.far(call).hungUpWith).to.equal('bye');
    expect(seen).to.deep.equal([
      'transfer requested blind +1 415 555 0132',
      'transfer accepted blind +1 415 555 0132',
      'transfer completed blind +1 415 555 0132',
      'ended transferred: Transferred to +1 415 555 0132.',
    ]);
  });

  it('takes tel: and sip: targets, checked like phone.call', async () => {
    const phone = new FakePhone({ numberDomain: 'gw.example.net' });
    const first = await phone.callInState('connected');
    await first.transfer('tel:+44-20-7946-0958');
    expect(phone.far(first).referredTo).to.deep.equal(['<sip:+442079460958@gw.example.net>']);
    const second = await phone.callInState('connected');
    await second.transfer('sip:desk@example.org');
    expect(phone.far(second).referredTo).to.deep.equal(['<sip:desk@example.org>']);
  });

  it('refuses bad input in words with vc-input-error, and sends nothing', async () => {
    const phone = new FakePhone();
    const seen = record(phone);
    const call = await phone.callInState('connected');
    for (const bad of ['020 7946 0958', 'sip:a@b.com\r\nX-Evil: 1', 'javascript:alert(1)', '+99 123']) {
      const error = await failure(call.transfer(bad));
      expect(error?.name, bad).to.equal('PhoneInputError');
    }
    expect(phone.far(call).referredTo).to.deep.equal([]);
    expect(call.state).to.equal('connected');
    expect(seen.every((line) => line.startsWith('input-error'))).to.equal(true);
    expect(seen).to.have.length(4);
  });

  it('asks the CRM\'s beforeDial policy about the transfer target; a refusal sends nothing and keeps the call', async () => {
    const asked: string[] = [];
    const phone = new FakePhone({
      beforeDial: async ({ target }) => {
        asked.push(target.display);
        return target.display.startsWith('+1 415') ? { refuse: 'That number is on the do-not-call list.' } : true;
      },
    });
    const seen = record(phone);
    const call = await phone.callInState('connected');
    asked.length = 0;
    const error = await failure(call.transfer('+1 415 555 0132'));
    expect(error?.message).to.equal('That number is on the do-not-call list.');
    expect(asked).to.deep.equal(['+1 415 555 0132']);
    expect(phone.far(call).referredTo).to.deep.equal([]);
    expect(call.state).to.equal('connected');
    expect(seen.filter((line) => line.startsWith('input-error'))).to.deep.equal(['input-error refused-by-policy to']);
  });

  it('keeps the call live, in words, when the REFER is refused (403, 405)', async () => {
    for (const status of [403, 405]) {
      const phone = new FakePhone();
      const seen = record(phone);
      const call = await phone.callInState('connected');
      phone.far(call).transferScript = status;
      const error = await failure(call.transfer('+1 415 555 0132'));
      expect(error?.message).to.match(status === 403 ? /refused to transfer the call \(403/ : /cannot transfer calls \(405\)/);
      expect(call.state).to.equal('connected');
      expect(call.transferStatus).to.deep.include({ state: 'failed', to: '+1 415 555 0132' });
      expect(seen.map((line) => line.split(':')[0])).to.deep.equal(['transfer requested blind +1 415 555 0132', 'transfer failed blind +1 415 555 0132']);
      call.hangup();
      expect(call.outcome?.reason).to.equal('hangup');
    }
  });

  it('keeps the call live when the NOTIFY says the new call failed', async () => {
    const phone = new FakePhone();
    const call = await phone.callInState('connected');
    phone.far(call).transferScript = { notify: 486 };
    const error = await failure(call.transfer('+1 415 555 0132'));
    expect(error?.message).to.equal('The transfer to +1 415 555 0132 did not go through: the line was busy. The call is still with you.');
    expect([call.state, call.transferring, call.transferStatus?.state]).to.deep.equal(['connected', false, 'failed']);
  });

  it('is transferring while the target rings, and refuses a second transfer meanwhile', async () => {
    const phone = new FakePhone();
    const call = await phone.callInState('connected');
    phone.far(call).transferScript = 'pending';
    const first = call.transfer('+1 415 555 0132');
    await settle();
    await settle();
    expect([call.transferring, call.transferStatus?.state]).to.deep.equal([true, 'accepted']);
    const second = await failure(call.transfer('+1 415 555 0199'));
    expect(second?.message).to.match(/already under way/);
    phone.far(call).notifyTransfer(200);
    await first;
    expect(call.outcome?.reason).to.equal('transferred');
  });

  it('refuses a call that is not connected', async () => {
    const phone = new FakePhone();
    const call = await phone.callInState('ringing');
    const error = await failure(call.transfer('+1 415 555 0132'));
    expect(error?.message).to.match(/Only a connected call can be transferred/);
  });
});

describe('attended transfer', () => {
  it('consults with the original on hold, then joins them with Replaces naming the consult dialog', async () => {
    const phone = new FakePhone();
    const seen = record(phone);
    const original = await phone.callInState('connected');
    const consult = await phone.consult(original, '+1 415 555 0132');
    expect([original.held, consult.consultFor]).to.deep.equal([true, original.id]);
    phone.far(consult).answer();
    await original.transfer(consult);
    const { callId, remoteTag, localTag } = phone.far(consult).dialog;
    const [referTo] = phone.far(original).referredTo;
    expect(decodeURIComponent(/\?Replaces=([^>]+)>$/.exec(referTo)![1])).to.equal(`${callId};to-tag=${remoteTag};from-tag=${localTag}`);
    expect([original.outcome?.reason, consult.outcome?.reason]).to.deep.equal(['transferred', 'transferred']);
    expect(original.outcome?.message).to.equal('Transferred to +1 415 555 0132.');
    expect(consult.outcome?.message).to.equal('Transferred: +44 20 7946 0958 now talks to this party.');
    expect(seen).to.include('transfer completed attended +1 415 555 0132');
  });

  it('cancelling the consult hangs it up and takes the original back', async () => {
    const phone = new FakePhone();
    const original = await phone.callInState('connected');
    const consult = await phone.consult(original, '+1 415 555 0132');
    phone.far(consult).answer();
    await phone.cancelConsult(consult);
    expect([consult.state, original.state, original.held]).to.deep.equal(['ended', 'connected', false]);
  });

  it('refuses a consult call that is not connected yet', async () => {
    const phone = new FakePhone();
    const original = await phone.callInState('connected');
    const consult = await phone.consult(original, '+1 415 555 0132');
    const error = await failure(original.transfer(consult));
    expect(error?.message).to.match(/Only a connected consult call/);
    expect(phone.far(original).referredTo).to.deep.equal([]);
  });
});

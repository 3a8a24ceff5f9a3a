// Transfer over the real sip.js UserAgent and Inviter, with a stand-in transport (the test plays
// the far end in SIP text): the REFER as sent, the NOTIFYs answered and followed, and deadlines.
import { expect } from '@open-wc/testing';
import { UserAgent } from 'sip.js';
import { SDP, StubTransport, response, stubDescriptionHandler } from '../support/stub-sip.js';
import type { OutboundRequest, SessionListener } from '../../src/phone/engine.js';
import { SipSession, type SessionContext } from '../../src/phone/sip-session.js';
import { tolerantTransport } from '../../src/phone/sip-tolerant-transport.js';
import { until } from '../support/until.js';

describe('transfer (real sip.js, stand-in transport)', () => {
  let ua: UserAgent;
  let heard: string[];
  let context: SessionContext;
  const request: OutboundRequest = { uri: 'sip:+442079460958@pbx.example.com', extraHeaders: [], dtmf: 'rfc4733' };

  beforeEach(async () => {
    ua = new UserAgent({
      uri: UserAgent.makeURI('sip:agent@pbx.example.com'),
      transportConstructor: tolerantTransport(StubTransport),
      sessionDescriptionHandlerFactory: stubDescriptionHandler,
      logBuiltinEnabled: false,
    });
    await ua.start();
    heard = [];
    // Short deadlines, so that a far end that never answers is seen to give up (not a timing window: the test waits for it).
    context = { userAgent: ua, iceServers: [], sessionEnded: () => undefined, hangUpWhenReconnected: () => undefined, requestDeadlineMs: 400 };
  });

  afterEach(() => void ua.stop().catch(() => undefined));

  const transport = () => StubTransport.current;
  const invite = () => transport().requests('INVITE')[0];
  const listener = (): SessionListener => ({
    inviteSent: () => undefined,
    progress: () => undefined,
    answered: () => heard.push('answered'),
    dtmfSent: () => undefined,
    remoteHoldChanged: () => undefined,
    signallingInterrupted: () => undefined,
    ended: (endedBy, reason) => heard.push(`ended ${endedBy} ${reason}`),
  });

  async function connected() {
    const session = new SipSession(context, request, listener());
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    await until(() => heard.includes('answered'), 'the answer');
    const field = (name: string) => new RegExp(`\\r\\n${name}: (.*)\\r\\n`).exec(invite())![1];
    const contact = /<([^>]+)>/.exec(field('Contact'))![1];
    return { session, callId: field('Call-ID'), from: field('From'), to: field('To'), contact };
  }

  function notify(dialog: { callId: string; from: string; to: string; contact: string }, cseq: number, frag: string, state: string): string {
    return [
      `NOTIFY ${dialog.contact} SIP/2.0`,
      `Via: SIP/2.0/WSS 127.0.0.1:5080;branch=z9hG4bKnotify${cseq}`,
      `From: ${dialog.to};tag=far`,
      `To: ${dialog.from}`,
      `Call-ID: ${dialog.callId}`,
      `CSeq: ${cseq} NOTIFY`,
      'Contact: <sip:far-end@127.0.0.1:5080>',
      'Max-Forwards: 70',
      'Event: refer',
      `Subscription-State: ${state}`,
      'Content-Type: message/sipfrag;version=2.0',
      `Content-Length: ${frag.length}`,
      '',
      frag,
    ].join('\r\n');
  }

  it('sends the REFER with the bracketed Refer-To, answers every NOTIFY, and resolves on the 2xx sipfrag', async () => {
    const dialog = await connected();
    let accepted = false;
    const transfer = dialog.session.transfer({ uri: 'sip:+14155550132@pbx.example.com;user=phone', display: '+1 415 555 0132' }, () => (accepted = true));
    await until(() => transport().requests('REFER').length === 1, 'the REFER');
    const refer = transport().requests('REFER')[0];
    expect(refer).to.contain('\r\nRefer-To: <sip:+14155550132@pbx.example.com;user=phone>\r\n');
    expect(refer).to.match(/\r\nReferred-By: <sip:agent@pbx\.example\.com>\r\n/);
    transport().receive(response(refer, '202 Accepted'));
    await until(() => accepted, 'the 202 reported');
    transport().receive(notify(dialog, 1, 'SIP/2.0 100 Trying\r\n', 'active;expires=60'));
    transport().receive(notify(dialog, 2, 'garbage', 'active;expires=60'));
    transport().receive(notify(dialog, 3, 'SIP/2.0 200 OK\r\n', 'terminated;reason=noresource'));
    await transfer;
    const answers = transport().sent.filter((message) => /^SIP\/2\.0 200 OK\r\n/.test(message) && /\r\nCSeq: \d+ NOTIFY\r\n/.test(message));
    expect(answers).to.have.length(3, 'each NOTIFY answered 200');
  });

  it('rejects in words when the REFER is never answered (its deadline), and the call is left as it was', async () => {
    const dialog = await connected();
    const error = await dialog.session.transfer({ uri: 'sip:desk@pbx.example.com', display: 'desk@pbx.example.com' }, () => undefined).then(
      () => undefined,
      (reason: Error) => reason,
    );
    expect(error?.message).to.equal('The other side did not answer the transfer request in time. The call is still with you.');
    expect(heard.some((line) => line.startsWith('ended'))).to.equal(false);
    expect(transport().requests('BYE')).to.have.length(0);
  });

  it('rejects in words when an accepted transfer never reports its outcome (its deadline)', async () => {
    const dialog = await connected();
    const transfer = dialog.session.transfer({ uri: 'sip:desk@pbx.example.com', display: 'desk@pbx.example.com' }, () => undefined).then(
      () => undefined,
      (reason: Error) => reason,
    );
    await until(() => transport().requests('REFER').length === 1, 'the REFER');
    transport().receive(response(transport().requests('REFER')[0], '202 Accepted'));
    transport().receive(notify(dialog, 1, 'SIP/2.0 100 Trying\r\n', 'active;expires=60'));
    expect((await transfer)?.message).to.equal('The transfer to desk@pbx.example.com was not confirmed within 1 s. The call is still with you.');
  });

  it('rejects when the subscription ends without a final answer, and on a failing sipfrag', async () => {
    const dialog = await connected();
    const first = dialog.session.transfer({ uri: 'sip:desk@pbx.example.com', display: 'the desk' }, () => undefined).catch((reason: Error) => reason.message);
    await until(() => transport().requests('REFER').length === 1, 'the REFER');
    transport().receive(response(transport().requests('REFER')[0], '202 Accepted'));
    transport().receive(notify(dialog, 1, 'SIP/2.0 100 Trying\r\n', 'terminated;reason=timeout'));
    expect(await first).to.equal('The other side stopped reporting on the transfer to the desk before it went through. The call is still with you.');

    const second = dialog.session.transfer({ uri: 'sip:desk@pbx.example.com', display: 'the desk' }, () => undefined).catch((reason: Error) => reason.message);
    await until(() => transport().requests('REFER').length === 2, 'the second REFER');
    transport().receive(response(transport().requests('REFER')[1], '202 Accepted'));
    transport().receive(notify(dialog, 2, 'SIP/2.0 603 Decline\r\n', 'terminated;reason=noresource'));
    expect(await second).to.equal('The transfer to the desk did not go through: the call was declined. The call is still with you.');
  });
});

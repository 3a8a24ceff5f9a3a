// SipSession against the real sip.js UserAgent and Inviter, with a stand-in transport (the test
// plays the far end in SIP text) and a stand-in description handler (no WebRTC needed).
import { expect } from '@open-wc/testing';
import { UserAgent } from 'sip.js';
import { SDP, StubTransport, response, stubDescriptionHandler } from '../support/stub-sip.js';
import type { OutboundRequest, SessionListener } from '../../src/phone/engine.js';
import { SipSession, type SessionContext } from '../../src/phone/sip-session.js';
import { tolerantMessage, tolerantTransport } from '../../src/phone/sip-tolerant-transport.js';
import { until } from '../support/until.js';

describe('SipSession (real sip.js, stand-in transport)', () => {
  let ua: UserAgent;
  let heard: string[];
  let listener: SessionListener;
  let context: SessionContext;
  /** While set, applying the far end's answer waits for it (the ACK waits too). */
  let applying: Promise<void> | undefined;
  const request: OutboundRequest = {
    uri: 'sip:+442079460958@pbx.example.com',
    fromDisplayName: 'Dana \\"D\\"',
    extraHeaders: ['X-VC-Ticket: 42'],
    dtmf: 'info',
  };

  beforeEach(async () => {
    ua = new UserAgent({
      uri: UserAgent.makeURI('sip:agent@pbx.example.com'),
      // As the engine does: responses reach sip.js's parser through the tolerant transport.
      transportConstructor: tolerantTransport(StubTransport),
      sessionDescriptionHandlerFactory: () => ({ ...stubDescriptionHandler(), setDescription: () => applying ?? Promise.resolve() }),
      logBuiltinEnabled: false,
    });
    applying = undefined;
    await ua.start();
    heard = [];
    listener = {
      inviteSent: () => heard.push('invite-sent'),
      progress: (status, earlyMedia) => heard.push(`progress ${status}${earlyMedia ? ' early media' : ''}`),
      answered: () => heard.push('answered'),
      dtmfSent: (digit, method) => heard.push(`dtmf ${digit} ${method}`),
      remoteHoldChanged: (held) => heard.push(held ? 'held by remote' : 'resumed by remote'),
      signallingInterrupted: (interrupted) => heard.push(interrupted ? 'reconnecting' : 'reconnected'),
      ended: (endedBy, reason, status, _message, cause) => heard.push(`ended ${endedBy} ${reason}${status ? ` ${status}` : ''}${cause ? ` (${cause})` : ''}`),
    };
    context = { userAgent: ua, iceServers: [], sessionEnded: () => heard.push('forgotten'), hangUpWhenReconnected: () => heard.push('bye when reconnected') };
  });

  // Not awaited: stopping waits for answers to its own BYEs, which nobody plays here.
  afterEach(() => void ua.stop().catch(() => undefined));

  const transport = () => StubTransport.current;
  const invite = () => transport().requests('INVITE')[0];

  it('sends the INVITE as built, rings, answers, sends INFO digits and hangs up with a BYE', async () => {
    const session = new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    expect(invite()).to.match(/^INVITE sip:\+442079460958@pbx\.example\.com SIP\/2\.0/);
    expect(invite()).to.contain('\r\nX-VC-Ticket: 42\r\n');
    expect(invite()).to.match(/\r\nFrom: "Dana \\"D\\"" <sip:agent@pbx\.example\.com>;tag=/);
    transport().receive(response(invite(), '180 Ringing', { toTag: 'far' }));
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    await until(() => heard.includes('answered'), 'the answer');
    expect(transport().requests('ACK')).to.have.length(1);

    session.sendDtmf('5');
    await until(() => transport().requests('INFO').length === 1, 'the INFO');
    const info = transport().requests('INFO')[0];
    expect(info).to.contain('Signal=5');
    transport().receive(response(info, '200 OK'));
    await until(() => heard.includes('dtmf 5 info'), 'the digit confirmed');

    session.hangup();
    await until(() => transport().requests('BYE').length === 1, 'the BYE');
    transport().receive(response(transport().requests('BYE')[0], '200 OK'));
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end');
    expect(heard).to.deep.equal(['invite-sent', 'progress 180', 'answered', 'dtmf 5 info', 'forgotten', 'ended local hangup']);
  });

  it('ends with the far end\'s status on a redirect, which it does not follow (sip.js reports 3xx apart)', async () => {
    new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '100 Trying'));
    transport().receive(response(invite(), '302 Moved Temporarily', { toTag: 'far' }));
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end');
    expect(heard.at(-1)).to.equal('ended remote rejected 302');
  });

  it('ends with the far end\'s status when it refuses the call', async () => {
    new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '486 Busy Here', { toTag: 'far' }));
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end');
    expect(heard).to.deep.equal(['invite-sent', 'forgotten', 'ended remote rejected 486']);
    expect(transport().requests('ACK')).to.have.length(1);
  });

  it('cancels a ringing call and ends it as cancelled once the far end answers 487', async () => {
    const session = new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '180 Ringing', { toTag: 'far' }));
    await until(() => heard.includes('progress 180'), 'ringing');
    session.hangup();
    await until(() => transport().requests('CANCEL').length === 1, 'the CANCEL');
    transport().receive(response(transport().requests('CANCEL')[0], '200 OK', { toTag: 'far' }));
    transport().receive(response(invite(), '487 Request Terminated', { toTag: 'far' }));
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end');
    expect(heard.at(-1)).to.equal('ended local cancelled 487');
  });

  it('answers a BYE from the far end and ends as hung up by them', async () => {
    new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    await until(() => heard.includes('answered'), 'the answer');
    const callId = /\r\nCall-ID: (.*)\r\n/.exec(invite())![1];
    const from = /\r\nFrom: (.*)\r\n/.exec(invite())![1];
    const to = /\r\nTo: (.*)\r\n/.exec(invite())![1];
    transport().receive(
      [
        'BYE sip:agent@pbx.example.com SIP/2.0',
        'Via: SIP/2.0/WSS 127.0.0.1:5080;branch=z9hG4bKfarbye1',
        `From: ${to};tag=far`,
        `To: ${from}`,
        `Call-ID: ${callId}`,
        'CSeq: 1 BYE',
        'Max-Forwards: 70',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end');
    expect(heard.at(-1)).to.equal('ended remote hangup');
    expect(transport().sent.some((message) => /^SIP\/2\.0 200 OK\r\n[\s\S]*CSeq: 1 BYE/.test(message))).to.equal(true);
  });

  it('keeps an answered call through a lost connection and refreshes the dialog once it is back', async () => {
    const session = new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    await until(() => heard.includes('answered'), 'the answer');
    session.connectionLost(30_000);
    expect(heard.at(-1)).to.equal('reconnecting');
    session.connectionRestored(false);
    expect(heard.at(-1)).to.equal('reconnected');
    await until(() => transport().requests('INVITE').length === 2, 'the refreshing re-INVITE');
    transport().receive(response(transport().requests('INVITE')[1], '200 OK', { body: SDP }));
    await until(() => transport().requests('ACK').length === 2, 'its ACK');
    expect(heard.some((line) => line.startsWith('ended'))).to.equal(false);
  });

  it('ends a call the far end forgot while the connection was down (481 to the refreshing re-INVITE), in words', async () => {
    const messages: string[] = [];
    const session = new SipSession(context, request, { ...listener, ended: (...args: Parameters<SessionListener['ended']>) => (messages.push(args[3] ?? ''), listener.ended(...args)) });
    await connected();
    session.connectionLost(30_000);
    session.connectionRestored(false);
    await until(() => transport().requests('INVITE').length === 2, 'the refreshing re-INVITE');
    transport().receive(response(transport().requests('INVITE')[1], '481 Call/Transaction Does Not Exist'));
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end');
    expect(heard.filter((line) => line.startsWith('ended'))).to.deep.equal(['ended remote hangup']);
    expect(messages).to.deep.equal(['The call ended while the connection was down.']);
  });

  it('ends a call whose connection stays lost beyond the window, in words, and leaves its BYE for the reconnect', async () => {
    const messages: string[] = [];
    const quiet = { ...listener, ended: (...args: Parameters<SessionListener['ended']>) => (messages.push(args[3] ?? ''), listener.ended(...args)) };
    const session = new SipSession(context, request, quiet);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    await until(() => heard.includes('answered'), 'the answer');
    session.connectionLost(200);
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end of the window');
    expect(heard.slice(-3)).to.deep.equal(['forgotten', 'ended system connection-lost', 'bye when reconnected']);
    expect(messages[0]).to.match(/lost for more than 0 s, so the call was ended/);
  });

  it('ends a call still being set up at once when the connection drops, and an agent hang-up during an outage at once', async () => {
    const ringing = new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    ringing.connectionLost(30_000);
    expect(heard.slice(-3)).to.deep.equal(['forgotten', 'ended system connection-lost', 'bye when reconnected']);

    heard.length = 0;
    const answered = new SipSession(context, request, listener);
    await until(() => transport().requests('INVITE').length === 2, 'the second INVITE');
    transport().receive(response(transport().requests('INVITE')[1], '200 OK', { toTag: 'far2', body: SDP }));
    await until(() => heard.includes('answered'), 'the answer');
    answered.connectionLost(30_000);
    answered.hangup();
    expect(heard.slice(-3)).to.deep.equal(['forgotten', 'ended local hangup', 'bye when reconnected']);
  });

  /** Answers the INVITE and returns what a far-end request in the dialog needs. */
  async function connected(session?: SipSession) {
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    await until(() => heard.includes('answered'), 'the answer');
    const field = (name: string) => new RegExp(`\\r\\n${name}: (.*)\\r\\n`).exec(invite())![1];
    const contact = /<([^>]+)>/.exec(field('Contact'))![1];
    return { session, callId: field('Call-ID'), from: field('From'), to: field('To'), contact };
  }

  function farReinvite(dialog: { callId: string; from: string; to: string; contact: string }, cseq: number, direction: string): string {
    const body = SDP.replace('a=rtpmap:0 PCMU/8000\r\n', `a=rtpmap:0 PCMU/8000\r\na=${direction}\r\n`);
    return [
      `INVITE ${dialog.contact} SIP/2.0`,
      `Via: SIP/2.0/WSS 127.0.0.1:5080;branch=z9hG4bKfarreinvite${cseq}`,
      `From: ${dialog.to};tag=far`,
      `To: ${dialog.from}`,
      `Call-ID: ${dialog.callId}`,
      `CSeq: ${cseq} INVITE`,
      'Contact: <sip:far-end@127.0.0.1:5080>',
      'Max-Forwards: 70',
      'Content-Type: application/sdp',
      `Content-Length: ${body.length}`,
      '',
      body,
    ].join('\r\n');
  }

  it('puts the call on hold with a re-INVITE and resolves once it is accepted', async () => {
    const session = new SipSession(context, request, listener);
    await connected();
    const holding = session.hold(true);
    await until(() => transport().requests('INVITE').length === 2, 'the re-INVITE');
    const reinvite = transport().requests('INVITE')[1];
    expect(reinvite).to.match(/\r\nCSeq: 2 INVITE\r\n/);
    transport().receive(response(reinvite, '200 OK', { body: SDP }));
    await holding;
    await until(() => transport().requests('ACK').length === 2, 'the ACK of the re-INVITE');
  });

  it('refuses a hold the other side refuses, in words, and retries once after a 491 (glare)', async function () {
    this.timeout(15000);
    const session = new SipSession(context, request, listener);
    await connected();
    const refused = session.hold(true).then(() => 'held', (error: Error) => error.message);
    await until(() => transport().requests('INVITE').length === 2, 'the re-INVITE');
    transport().receive(response(transport().requests('INVITE')[1], '488 Not Acceptable Here'));
    expect(await refused).to.match(/could not accept the audio change needed to put the call on hold \(488\)/);

    const glare = session.hold(true).then(() => 'held', (error: Error) => error.message);
    await until(() => transport().requests('INVITE').length === 3, 'the second re-INVITE');
    const sentAt = Date.now();
    transport().receive(response(transport().requests('INVITE')[2], '491 Request Pending'));
    await until(() => transport().requests('INVITE').length === 4, 'the retry after the glare');
    expect(Date.now() - sentAt).to.be.at.least(2000, 'RFC 3261: the Call-ID owner waits 2.1-4 s');
    transport().receive(response(transport().requests('INVITE')[3], '200 OK', { body: SDP }));
    expect(await glare).to.equal('held');
  });

  it('hears the other party put the call on hold (a=sendonly) and take it back (a=sendrecv)', async () => {
    new SipSession(context, request, listener);
    const dialog = await connected();
    transport().receive(farReinvite(dialog, 1, 'sendonly'));
    await until(() => heard.includes('held by remote'), 'the far-end hold');
    expect(transport().sent.some((message) => /^SIP\/2\.0 200 OK\r\n[\s\S]*CSeq: 1 INVITE/.test(message))).to.equal(true);
    // The far end ACKs its re-INVITE's answer before it may send the next one.
    transport().receive(
      [
        `ACK ${dialog.contact} SIP/2.0`,
        'Via: SIP/2.0/WSS 127.0.0.1:5080;branch=z9hG4bKfarack1',
        `From: ${dialog.to};tag=far`,
        `To: ${dialog.from}`,
        `Call-ID: ${dialog.callId}`,
        'CSeq: 1 ACK',
        'Max-Forwards: 70',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
    // Until sip.js has processed that ACK it answers 500 with Retry-After (RFC 6337 §4.3): retry, as a far end does.
    for (let cseq = 2; !heard.includes('resumed by remote'); cseq++) {
      const answered = transport().sent.length;
      transport().receive(farReinvite(dialog, cseq, 'sendrecv'));
      await until(() => transport().sent.length > answered, 'an answer to the resume');
      if (/^SIP\/2\.0 500 /.test(transport().sent.at(-1)!)) await new Promise((resolve) => setTimeout(resolve, 20));
      else await until(() => heard.includes('resumed by remote'), 'the far-end resume');
      expect(cseq).to.be.below(200);
    }
  });

  it('with short-lived credentials, tries the call once more with fresh ones after a refusal, and no more', async () => {
    ua.configuration.authorizationUsername = 'agent';
    ua.configuration.authorizationPassword = 'expired';
    let refreshed = 0;
    const refreshCredentials = async () => {
      refreshed += 1;
      ua.configuration.authorizationPassword = 'fresh';
    };
    new SipSession({ ...context, refreshCredentials }, request, listener);
    const challenge = ['Proxy-Authenticate: Digest realm="pbx.example.com", nonce="n1", algorithm=MD5, qop="auth"'];
    const invites = () => transport().requests('INVITE');
    await until(() => invites().length === 1, 'the INVITE');
    transport().receive(response(invites()[0], '407 Proxy Authentication Required', { toTag: 'p1', headers: challenge }));
    await until(() => invites().length === 2, 'the INVITE with the expired credentials');
    expect(invites()[1]).to.match(/\r\nProxy-Authorization: Digest [^\r]*username="agent"/);
    transport().receive(response(invites()[1], '403 Forbidden', { toTag: 'p2' }));
    await until(() => invites().length === 3, 'the call tried again');
    expect(refreshed).to.equal(1);
    const callId = (message: string) => /\r\nCall-ID: (.*)\r\n/.exec(message)![1];
    expect(callId(invites()[2])).not.to.equal(callId(invites()[0]), 'a new INVITE, not a retransmission');
    transport().receive(response(invites()[2], '407 Proxy Authentication Required', { toTag: 'p3', headers: challenge }));
    await until(() => invites().length === 4, 'the INVITE with the fresh credentials');
    transport().receive(response(invites()[3], '403 Forbidden', { toTag: 'p4' }));
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end');
    expect(heard.at(-1)).to.equal('ended remote rejected 403');
    expect(refreshed).to.equal(1, 'fresh credentials are asked for once per call');
  });

  for (const [line, ending] of [
    ['480 Temporarily Unavailable [Q.850;cause=18]', 'ended remote rejected 480'],
    ['486 Busy "here" <x>', 'ended remote rejected 486'],
    ['503 50% {overload} | try later #2', 'ended remote rejected 503'],
    ['404', 'ended remote rejected 404'],
  ]) {
    it(`understands a final answer whose reason phrase sip.js's grammar refuses: ${line}`, async () => {
      new SipSession(context, request, listener);
      await until(() => !!invite(), 'the INVITE');
      transport().receive(response(invite(), line, { toTag: 'far' }));
      await until(() => heard.some((entry) => entry.startsWith('ended')), 'the end');
      expect(heard.at(-1)).to.equal(ending);
      expect(transport().requests('ACK')).to.have.length(1);
    });
  }

  it('ends a hang-up the far end never confirms once its deadline passes, in words', async () => {
    const session = new SipSession({ ...context, requestDeadlineMs: 300 }, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '180 Ringing', { toTag: 'far' }));
    await until(() => heard.includes('progress 180'), 'ringing');
    session.hangup();
    await until(() => transport().requests('CANCEL').length === 1, 'the CANCEL');
    transport().receive(response(transport().requests('CANCEL')[0], '200 OK', { toTag: 'far' }));
    // No 487 ever comes back.
    await until(() => heard.some((entry) => entry.startsWith('ended')), 'the deadline');
    expect(heard.at(-1)).to.equal('ended local cancelled');
  });

  it('fails a call whose INVITE gets no answer at all by its deadline, saying the server did not answer', async () => {
    const messages: string[] = [];
    const quiet = { ...listener, ended: (...args: Parameters<SessionListener['ended']>) => (messages.push(args[3] ?? ''), listener.ended(...args)) };
    new SipSession({ ...context, requestDeadlineMs: 300 }, request, quiet);
    await until(() => !!invite(), 'the INVITE');
    await until(() => heard.some((entry) => entry.startsWith('ended')), 'the deadline');
    expect(heard.at(-1)).to.equal('ended system no-answer (server-timeout)', 'the server, not the person called');
    expect(messages[0]).to.match(/SIP server did not answer/);
  });

  /** A BYE from the far end on the dialog of the INVITE's 200 OK (tag "far"). */
  const byeFromFarEnd = () => {
    const field = (name: string) => new RegExp(`\r\n${name}: (.*)\r\n`).exec(invite())![1];
    return [
      'BYE sip:agent@pbx.example.com SIP/2.0',
      'Via: SIP/2.0/WSS 127.0.0.1:5080;branch=z9hG4bKfarbye2',
      `From: ${field('To')};tag=far`,
      `To: ${field('From')}`,
      `Call-ID: ${field('Call-ID')}`,
      'CSeq: 9 BYE',
      'Max-Forwards: 70',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  };
  const byeAnswered = () => transport().sent.some((message) => /^SIP\/2\.0 200 OK\r\n[\s\S]*CSeq: 9 BYE/.test(message));

  it('answers a BYE that overtakes its ACK (sip.js drops it while the answer is applied), ACKs the 200 and ends as hung up by the far end, with no BYE of its own', async () => {
    let applied!: () => void;
    applying = new Promise((resolve) => (applied = resolve));
    new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    transport().receive(byeFromFarEnd());
    await until(byeAnswered, 'the BYE answered 200');
    expect(transport().requests('ACK')).to.have.length(0);
    applied();
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end');
    expect(heard.filter((line) => line !== 'invite-sent')).to.deep.equal(['answered', 'forgotten', 'ended remote hangup']);
    expect(transport().requests('ACK')).to.have.length(1);
    expect(transport().requests('BYE')).to.have.length(0);
  });

  it('answers 200 (not 481) a BYE that overtakes the 200 OK itself (a proxy relaying them out of order), ACKs the 200 that follows and ends as hung up by the far end, with no BYE of its own', async () => {
    new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '100 Trying'));
    transport().receive(byeFromFarEnd());
    await until(byeAnswered, 'the BYE answered 200');
    expect(transport().sent.some((message) => /^SIP\/2\.0 481/.test(message))).to.equal(false);
    expect(heard.some((line) => line.startsWith('ended'))).to.equal(false);
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end');
    expect(heard.filter((line) => line !== 'invite-sent')).to.deep.equal(['answered', 'forgotten', 'ended remote hangup']);
    expect(transport().requests('ACK')).to.have.length(1);
    expect(transport().requests('BYE')).to.have.length(0);
  });

  it('still answers 481 a BYE whose Call-ID or tag matches no INVITE of its own', async () => {
    new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(byeFromFarEnd().replace(/\r\nCall-ID: .*\r\n/, '\r\nCall-ID: someone-else\r\n'));
    await until(() => transport().sent.some((message) => /^SIP\/2\.0 481/.test(message)), 'the 481');
    expect(byeAnswered()).to.equal(false);
    expect(heard.some((line) => line.startsWith('ended'))).to.equal(false);
  });

  it('a hang-up between that BYE and the ACK throws nothing and ends the call at once, sending nothing more', async () => {
    let applied!: () => void;
    applying = new Promise((resolve) => (applied = resolve));
    const session = new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    transport().receive(byeFromFarEnd());
    await until(byeAnswered, 'the BYE answered 200');
    expect(() => session.hangup()).not.to.throw();
    expect(heard.at(-1)).to.equal('ended remote hangup');
    applied();
    await until(() => transport().requests('ACK').length === 1, 'the ACK');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(transport().requests('CANCEL')).to.have.length(0);
    expect(transport().requests('BYE')).to.have.length(0);
    expect(heard.filter((line) => line.startsWith('ended'))).to.have.length(1);
  });

  it('a hang-up whose BYE sip.js refuses at once (it throws, e.g. "Invalid dialog state") throws nothing and ends the call at once', async () => {
    const session = new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    await until(() => heard.includes('answered'), 'the answer');
    SipSession.inviterOf(session).bye = () => {
      throw new Error('Invalid dialog state Terminated');
    };
    expect(() => session.hangup()).not.to.throw();
    expect(heard.at(-1)).to.equal('ended local hangup');
  });

  it('a 200 OK without SDP is ACKed and hung up, and ends as "answered, but the audio could not be set up"', async () => {
    const messages: string[] = [];
    new SipSession(context, request, { ...listener, ended: (...args: Parameters<SessionListener['ended']>) => (messages.push(args[3] ?? ''), listener.ended(...args)) });
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far' }));
    await until(() => heard.some((line) => line.startsWith('ended')), 'the end');
    expect(heard.at(-1)).to.equal('ended system media-failed (answer-unusable)');
    expect(messages.at(-1)).to.equal('The call was answered, but the audio could not be set up.');
    expect(transport().requests('ACK')).to.have.length(1);
    expect(transport().requests('BYE')).to.have.length(1);
    expect(heard).not.to.include('answered');
  });

  it('an answer that declines the audio (port 0, RFC 3264 section 6) is never "answered": it is hung up with a BYE saying 488, as media not acceptable', async () => {
    new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP.replace('m=audio 40000 ', 'm=audio 0 ') }));
    await until(() => transport().requests('BYE').length === 1, 'the BYE');
    expect(transport().requests('BYE')[0]).to.match(/\r\nReason: SIP;cause=488;text="Not Acceptable Here"\r\n/);
    expect(heard).not.to.include('answered');
    expect(heard.at(-1)).to.equal('ended remote media-not-acceptable');
  });
});

describe('tolerantMessage', () => {
  it('escapes what the grammar refuses in a reason phrase and leaves the rest of the message alone', () => {
    const headers = '\r\nVia: SIP/2.0/WSS x;branch=z9hG4bK1\r\nCSeq: 1 INVITE\r\n\r\n';
    expect(tolerantMessage(`SIP/2.0 480 Unavailable [cause=18]${headers}`)).to.equal(`SIP/2.0 480 Unavailable %5Bcause=18%5D${headers}`);
    expect(tolerantMessage(`SIP/2.0 486${headers}`)).to.equal(`SIP/2.0 486 ${headers}`);
    expect(tolerantMessage(`SIP/2.0 200 OK 100%25 fine é${headers}`)).to.equal(`SIP/2.0 200 OK 100%25 fine é${headers}`);
    expect(tolerantMessage(`INVITE sip:a@b SIP/2.0${headers}`)).to.equal(`INVITE sip:a@b SIP/2.0${headers}`);
  });
});

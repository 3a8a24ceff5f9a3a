// A far end that sets the audio port to 0 where the call still needs it: in a 183's SDP (no early
// audio; the 200 OK's own SDP decides) or in a re-INVITE (the audio is removed: the call ends).
// SipSession against the real sip.js UserAgent and Inviter, with a stand-in transport (the test
// plays the far end in SIP text) and a stand-in description handler that records what it is given.
import { expect } from '@open-wc/testing';
import { UserAgent, type Web } from 'sip.js';
import { SDP, StubTransport, response, stubDescriptionHandler } from '../support/stub-sip.js';
import type { OutboundRequest, SessionListener } from '../../src/phone/engine.js';
import { SipSession, type SessionContext } from '../../src/phone/sip-session.js';
import { ANSWER_UNUSABLE_WORDS, AUDIO_REMOVED_WORDS, EarlyAnswerWithheld, bringsAudio } from '../../src/phone/sip-audio-port-zero.js';
import { tolerantTransport } from '../../src/phone/sip-tolerant-transport.js';
import { until } from '../support/until.js';

const DECLINED = SDP.replace('m=audio 40000 ', 'm=audio 0 ');
const OTHER = SDP.replace('m=audio 40000 ', 'm=audio 40002 ').replace('o=- 1 1 ', 'o=- 1 2 ');

describe('bringsAudio and EarlyAnswerWithheld', () => {
  it('an SDP brings audio when there is one and its audio has a port', () => {
    expect(bringsAudio(SDP)).to.equal(true);
    expect(bringsAudio(DECLINED)).to.equal(false);
    expect(bringsAudio('')).to.equal(false);
  });

  /** A handler whose own setDescription records what reached it (and refuses `refuse`). */
  function handler(refuse?: string) {
    const applied: string[] = [];
    const sdh = { setDescription: async (sdp: string) => {
      if (sdp === refuse) throw new Error('refused');
      applied.push(sdp);
    } } as unknown as Web.SessionDescriptionHandler;
    return { sdh, applied };
  }

  it('keeps an early answer that declines the audio from the handler, and applies the final answer instead', async () => {
    const early = new EarlyAnswerWithheld();
    const { sdh, applied } = handler();
    let isEarly = true;
    early.watch(sdh, () => isEarly);
    await sdh.setDescription(DECLINED);
    expect(applied).to.deep.equal([]);
    expect(early.withheld).to.equal(true);
    isEarly = false;
    expect(await early.final(OTHER)).to.equal('applied');
    expect(applied).to.deep.equal([OTHER]);
  });

  it('lets every other description through: an early answer with audio, any description once the dialog is confirmed', async () => {
    const early = new EarlyAnswerWithheld();
    const { sdh, applied } = handler();
    let isEarly = true;
    early.watch(sdh, () => isEarly);
    await sdh.setDescription(SDP);
    isEarly = false;
    await sdh.setDescription(DECLINED);
    expect(applied).to.deep.equal([SDP, DECLINED]);
    expect(early.withheld).to.equal(false);
    expect(await early.final(SDP)).to.equal('declined', 'nothing was withheld: nothing to apply');
  });

  it('a final answer without audio (none, or port 0 again) is "declined"; one the handler refuses is "failed"', async () => {
    const early = new EarlyAnswerWithheld();
    const { sdh, applied } = handler(OTHER);
    early.watch(sdh, () => true);
    await sdh.setDescription(DECLINED);
    expect(await early.final('')).to.equal('declined');
    expect(await early.final(DECLINED)).to.equal('declined');
    expect(await early.final(OTHER)).to.equal('failed');
    expect(applied).to.deep.equal([]);
  });

  it('a new handler (the call tried again) starts with nothing withheld', async () => {
    const early = new EarlyAnswerWithheld();
    const first = handler();
    early.watch(first.sdh, () => true);
    await first.sdh.setDescription(DECLINED);
    early.watch(handler().sdh, () => true);
    expect(early.withheld).to.equal(false);
  });
});

describe('SipSession and a far end that sets the audio port to 0 (real sip.js, stand-in transport)', () => {
  let ua: UserAgent;
  let heard: string[];
  let words: string[];
  let applied: string[];
  let refuse: string | undefined;
  let listener: SessionListener;
  let context: SessionContext;
  const request: OutboundRequest = { uri: 'sip:+442079460958@pbx.example.com', extraHeaders: [], dtmf: 'info' };

  beforeEach(async () => {
    applied = [];
    refuse = undefined;
    ua = new UserAgent({
      uri: UserAgent.makeURI('sip:agent@pbx.example.com'),
      transportConstructor: tolerantTransport(StubTransport),
      sessionDescriptionHandlerFactory: () => ({
        ...stubDescriptionHandler(),
        setDescription: async (sdp: string) => {
          if (sdp === refuse) throw new Error('refused');
          applied.push(sdp);
        },
      }),
      logBuiltinEnabled: false,
    });
    await ua.start();
    heard = [];
    words = [];
    listener = {
      inviteSent: () => heard.push('invite-sent'),
      progress: (status, earlyMedia) => heard.push(`progress ${status}${earlyMedia ? ' early media' : ''}`),
      answered: () => heard.push('answered'),
      dtmfSent: () => undefined,
      remoteHoldChanged: (held) => heard.push(held ? 'held by remote' : 'resumed by remote'),
      signallingInterrupted: () => undefined,
      ended: (endedBy, reason, status, message, cause) => {
        heard.push(`ended ${endedBy} ${reason}${status ? ` ${status}` : ''}${cause ? ` (${cause})` : ''}`);
        words.push(message ?? '');
      },
    };
    context = { userAgent: ua, iceServers: [], sessionEnded: () => heard.push('forgotten'), hangUpWhenReconnected: () => undefined };
  });

  afterEach(() => void ua.stop().catch(() => undefined));

  const transport = () => StubTransport.current;
  const invite = () => transport().requests('INVITE')[0];
  const field = (message: string, name: string) => new RegExp(`\\r\\n${name}: (.*)\\r\\n`).exec(message)![1];

  it('a re-INVITE that removes the audio is answered 200, then the call is hung up with a BYE saying 488, in words', async () => {
    new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: SDP }));
    await until(() => heard.includes('answered'), 'the answer');
    const contact = /<([^>]+)>/.exec(field(invite(), 'Contact'))![1];
    transport().receive(
      [
        `INVITE ${contact} SIP/2.0`,
        'Via: SIP/2.0/WSS 127.0.0.1:5080;branch=z9hG4bKfarremove1',
        `From: ${field(invite(), 'To')};tag=far`,
        `To: ${field(invite(), 'From')}`,
        `Call-ID: ${field(invite(), 'Call-ID')}`,
        'CSeq: 1 INVITE',
        'Contact: <sip:far-end@127.0.0.1:5080>',
        'Max-Forwards: 70',
        'Content-Type: application/sdp',
        `Content-Length: ${DECLINED.length}`,
        '',
        DECLINED,
      ].join('\r\n'),
    );
    await until(() => transport().requests('BYE').length === 1, 'the BYE');
    expect(transport().sent.some((message) => /^SIP\/2\.0 200 OK\r\n[\s\S]*CSeq: 1 INVITE/.test(message))).to.equal(true, 'the removal was accepted (RFC 3264 section 8.2)');
    expect(transport().requests('BYE')[0]).to.match(/\r\nReason: SIP;cause=488;text="Not Acceptable Here"\r\n/);
    expect(heard).to.deep.equal(['invite-sent', 'answered', 'forgotten', 'ended remote media-not-acceptable (audio-removed)']);
    expect(words).to.deep.equal([AUDIO_REMOVED_WORDS]);
  });

  it('a 183 whose SDP declines the audio rings without early media and never reaches the handler; the 200 OK\'s SDP connects the call, and a re-INVITE offers the audio again', async () => {
    new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '183 Session Progress', { toTag: 'far', body: DECLINED }));
    await until(() => heard.includes('progress 183'), 'the 183');
    expect(applied).to.deep.equal([]);
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: OTHER }));
    await until(() => heard.includes('answered'), 'the answer');
    expect(applied).to.deep.equal([OTHER], 'the 200 OK\'s own answer');
    expect(transport().requests('ACK')).to.have.length(1);
    await until(() => transport().requests('INVITE').length === 2, 'the re-INVITE');
    const reinvite = transport().requests('INVITE')[1];
    transport().receive(response(reinvite, '200 OK', { body: OTHER }));
    await until(() => transport().requests('ACK').length === 2, 'the ACK of the re-INVITE');
    expect(heard).to.deep.equal(['invite-sent', 'progress 183', 'answered']);
    expect(transport().requests('BYE')).to.have.length(0);
  });

  it('a 183 declining the audio, then a 200 OK without SDP (the 183\'s was the answer) or with port 0 again: hung up as media not acceptable, never "answered"', async () => {
    for (const final of ['', DECLINED]) {
      heard.length = 0;
      const before = transport()?.requests('BYE').length ?? 0;
      new SipSession(context, request, listener);
      await until(() => transport().requests('INVITE').length > 0 && heard.includes('invite-sent'), 'the INVITE');
      const sent = transport().requests('INVITE').at(-1)!;
      transport().receive(response(sent, '183 Session Progress', { toTag: 'far', body: DECLINED }));
      transport().receive(response(sent, '200 OK', { toTag: 'far', body: final }));
      await until(() => transport().requests('BYE').length === before + 1, 'the BYE');
      expect(transport().requests('BYE').at(-1)).to.match(/\r\nReason: SIP;cause=488;/);
      expect(heard).to.deep.equal(['invite-sent', 'progress 183', 'forgotten', 'ended remote media-not-acceptable']);
    }
    expect(applied).to.deep.equal([]);
  });

  it('a 183 declining the audio, then a 200 OK whose SDP the browser refuses: hung up, in the words for "answered, but no audio"', async () => {
    refuse = OTHER;
    new SipSession(context, request, listener);
    await until(() => !!invite(), 'the INVITE');
    transport().receive(response(invite(), '183 Session Progress', { toTag: 'far', body: DECLINED }));
    transport().receive(response(invite(), '200 OK', { toTag: 'far', body: OTHER }));
    await until(() => transport().requests('BYE').length === 1, 'the BYE');
    expect(heard).to.deep.equal(['invite-sent', 'progress 183', 'forgotten', 'ended system media-failed (answer-unusable)']);
    expect(words).to.deep.equal([ANSWER_UNUSABLE_WORDS]);
  });
});

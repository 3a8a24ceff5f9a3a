// Runs the bad-input corpus (test/unit/bad-input/) through a real Phone over the real sip.js
// engine with a stand-in transport, and reads what would have left on the WebSocket:
// - refused input: a PhoneInputError with words, one `vc-input-error` event, nothing sent at all
//   (and a refused configure() changes nothing);
// - accepted input: one INVITE, well formed, with exactly the header lines asked for.
import { expect } from '@open-wc/testing';
import { PhoneInputError } from '../../src/phone/errors.js';
import type { Phone } from '../../src/phone/phone.js';
import type { CallOptions, PhoneConfig } from '../../src/phone/types.js';
import { CONFIG_CASES } from './bad-input/config.js';
import { AGENT, NUMBER, NUMBER_URI, type CorpusCase, type Refused, type Sent } from './bad-input/corpus.js';
import { OPTION_CASES } from './bad-input/options.js';
import { TARGET_CASES } from './bad-input/targets.js';
import { ACCOUNT, realSipPhone, resetTransports, sentInvites, sentMessages, until } from './real-sip-phone.js';

const CORPUS: CorpusCase[] = [...TARGET_CASES, ...OPTION_CASES, ...CONFIG_CASES];

/** The header lines sip.js writes on every INVITE of this account, once each. */
const STACK_HEADERS = ['Via', 'To', 'From', 'CSeq', 'Call-ID', 'Max-Forwards', 'Contact', 'Allow', 'Supported', 'User-Agent', 'Content-Type', 'Content-Length'];

const isRefusal = (expected: Refused | Sent): expected is Refused => 'code' in expected;

/** Messages written for people: no JavaScript internals leaking through. */
function expectWords(error: PhoneInputError): void {
  expect(error.message.length, 'a message').to.be.greaterThan(10);
  expect(error.message).not.to.match(/is not a function|Cannot read|reading '|\[object|TypeError|URIError|undefined\)/);
}

function expectWellFormedInvite(invite: string, expected: Sent): void {
  const [head, ...rest] = invite.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  const [startLine, ...lines] = head.split('\r\n');
  const uri = expected.uri ?? NUMBER_URI;
  expect(startLine).to.equal(`INVITE ${uri} SIP/2.0`);
  for (const line of lines) {
    expect(line, 'no bare CR or LF, no control character').to.match(/^[A-Za-z0-9-]+: [^\p{Cc}]*$/u);
  }
  const named = (name: string) => lines.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  for (const name of STACK_HEADERS) expect(named(name), `one ${name}`).to.have.length(1);
  const added = lines.filter((line) => !STACK_HEADERS.some((name) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`)));
  expect(added, 'exactly the header lines asked for').to.deep.equal(expected.headers ?? []);
  expect(named('To')[0]).to.equal(`To: <${uri}>`);
  expect(named('From')[0]).to.match(/^From: .*;tag=[A-Za-z0-9]+$/);
  expect(named('From')[0].replace(/;tag=[A-Za-z0-9]+$/, '')).to.equal(`From: ${expected.from ?? AGENT}`);
  expect(named('Content-Length')[0]).to.equal(`Content-Length: ${new TextEncoder().encode(body).length}`);
}

describe(`bad-input corpus (${CORPUS.length} cases, at the WebSocket)`, () => {
  let phone: Phone | undefined;
  let inputErrors: Array<{ code: string; field: string; message: string }>;

  beforeEach(() => {
    resetTransports();
    inputErrors = [];
  });
  // Not awaited: a phone with a call still dialing waits for answers nobody plays here.
  afterEach(() => void phone?.dispose());

  function makePhone(testCase: CorpusCase): Phone {
    const config = { ...ACCOUNT, ...testCase.config };
    for (const key of Object.keys(config) as (keyof PhoneConfig)[]) if (config[key] === undefined) delete config[key];
    phone = realSipPhone(config);
    phone.addEventListener('vc-input-error', (event) => inputErrors.push(event.detail));
    return phone;
  }

  for (const testCase of CORPUS) {
    const { expect: expected } = testCase;
    const to = 'to' in testCase ? testCase.to : NUMBER;
    it(testCase.name, async () => {
      const phone = makePhone(testCase);
      if ('configure' in testCase) {
        const before = JSON.stringify(phone.config);
        try {
          phone.configure(testCase.configure as PhoneConfig);
        } catch (error) {
          if (!(error instanceof PhoneInputError)) throw error;
          expect(isRefusal(expected) && expected.by === 'configure', `refused by configure: ${error.code}/${error.field} ${error.message}`).to.equal(true);
          expect([error.code, error.field]).to.deep.equal([(expected as Refused).code, (expected as Refused).field]);
          expectWords(error);
          expect(inputErrors).to.deep.equal([{ code: error.code, field: error.field, message: error.message }]);
          expect(JSON.stringify(phone.config), 'configure changed nothing').to.equal(before);
          expect(sentMessages()).to.deep.equal([]);
          return;
        }
        expect(isRefusal(expected) && expected.by === 'configure', 'configure accepted it').to.equal(false);
      }
      let call;
      try {
        call = await phone.call(to as string, testCase.options as CallOptions);
      } catch (error) {
        if (!(error instanceof PhoneInputError)) throw error;
        expect(isRefusal(expected), `refused: ${error.code}/${error.field} ${error.message}`).to.equal(true);
        expect([error.code, error.field]).to.deep.equal([(expected as Refused).code, (expected as Refused).field]);
        expectWords(error);
        expect(inputErrors).to.deep.equal([{ code: error.code, field: error.field, message: error.message }]);
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(sentMessages(), 'nothing sent').to.deep.equal([]);
        expect(phone.calls, 'no box').to.have.length(0);
        return;
      }
      expect(isRefusal(expected), 'accepted').to.equal(false);
      await until(() => sentInvites().length > 0 || call.isFinal, 'the INVITE');
      expect(call.state, JSON.stringify(call.outcome)).to.equal('dialing');
      expect(inputErrors).to.deep.equal([]);
      expect(sentInvites()).to.have.length(1);
      expectWellFormedInvite(sentInvites()[0], expected as Sent);
    });
  }

  it('holds at least 250 cases', () => {
    expect(CORPUS.length).to.be.at.least(250);
  });
});

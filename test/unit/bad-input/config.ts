// Bad input in the configuration: given to the constructor (refused by the call that needs it) or
// to configure() (refused at once, and nothing changes).
import { AGENT, KB10, WRONG_TYPES, refused, type CorpusCase } from './corpus.js';

const CRLF = '\r\nX-Evil: 1';

const serverCases: CorpusCase[] = [
  { name: 'server: ws on localhost', config: { server: 'ws://localhost:5066/ws' }, expect: {} },
  { name: 'server: missing', config: { server: undefined }, expect: refused('missing-config', 'server') },
  { name: 'server: empty', config: { server: '' }, expect: refused('missing-config', 'server') },
  { name: 'server: ws to another host', config: { server: 'ws://sip.example.com/ws' }, expect: refused('insecure-server', 'server') },
  { name: 'server: ws to localhost.evil.com', config: { server: 'ws://localhost.evil.com/ws' }, expect: refused('insecure-server', 'server') },
  { name: 'server: ws to 127.0.0.2', config: { server: 'ws://127.0.0.2/ws' }, expect: refused('insecure-server', 'server') },
  { name: 'server: https', config: { server: 'https://sip.example.com' }, expect: refused('invalid-server', 'server') },
  { name: 'server: javascript:', config: { server: 'javascript:alert(1)' }, expect: refused('invalid-server', 'server') },
  { name: 'server: credentials in the URL', config: { server: 'wss://user:pw@sip.example.com' }, expect: refused('invalid-server', 'server') },
  { name: 'server: CR/LF', config: { server: `wss://sip.example.com/ws${CRLF}` }, expect: refused('invalid-server', 'server') },
  { name: 'server: tab', config: { server: 'wss://sip.exa\tmple.com/ws' }, expect: refused('invalid-server', 'server') },
  { name: 'server: zero-width space', config: { server: 'wss://sip.example.com\u200b/ws' }, expect: refused('invalid-server', 'server') },
  { name: 'server: host 999.999.999.999', config: { server: 'wss://999.999.999.999/ws' }, expect: refused('invalid-server', 'server') },
  { name: 'server: host [:::::::::]', config: { server: 'wss://[:::::::::]/ws' }, expect: refused('invalid-server', 'server') },
  { name: 'server: port out of range', config: { server: 'wss://sip.example.com:99999/ws' }, expect: refused('invalid-server', 'server') },
  { name: 'server: not a URL', config: { server: 'sip.example.com' }, expect: refused('invalid-server', 'server') },
  { name: 'server: a number (constructor)', config: { server: 42 }, expect: refused('wrong-type', 'server') },
  { name: 'server: an object (configure)', configure: { server: { href: 'wss://sip.example.com' } }, expect: refused('wrong-type', 'server', 'configure') },
];

const aorCases: CorpusCase[] = [
  { name: 'aor: missing', config: { aor: undefined }, expect: refused('missing-config', 'aor') },
  { name: 'aor: tel: URI', config: { aor: 'tel:+442079460958' }, expect: refused('invalid-sip-uri', 'aor') },
  { name: 'aor: %3A', config: { aor: 'sip:agent%3Apw@pbx.example.com' }, expect: refused('invalid-sip-uri', 'aor') },
  { name: 'aor: %FF', config: { aor: 'sip:agent%FF@pbx.example.com' }, expect: refused('invalid-sip-uri', 'aor') },
  { name: 'aor: %0d%0a', config: { aor: 'sip:agent%0d%0a@pbx.example.com' }, expect: refused('invalid-sip-uri', 'aor') },
  { name: 'aor: CR/LF', config: { aor: `sip:agent@pbx.example.com${CRLF}` }, expect: refused('control-characters', 'aor') },
  { name: 'aor: ?headers', config: { aor: 'sip:agent@pbx.example.com?Via=x' }, expect: refused('invalid-sip-uri', 'aor') },
  { name: 'aor: homoglyph', config: { aor: 'sip:\u0430gent@pbx.example.com' }, expect: refused('invalid-sip-uri', 'aor') },
  { name: 'aor: host 999.999.999.999', config: { aor: 'sip:agent@999.999.999.999' }, expect: refused('invalid-sip-uri', 'aor') },
  { name: 'aor: 10 kB', config: { aor: `sip:${KB10}@pbx.example.com` }, expect: refused('too-long', 'aor') },
  { name: 'aor: a number', configure: { aor: 42 }, expect: refused('wrong-type', 'aor', 'configure') },
  { name: 'aor: a list', config: { aor: ['sip:agent@pbx.example.com'] }, expect: refused('wrong-type', 'aor') },
];

const displayNameCases: CorpusCase[] = [
  { name: 'displayName: plain', config: { displayName: 'Agent Smith' }, expect: { from: `"Agent Smith" ${AGENT}` } },
  { name: 'displayName: quotes escaped', config: { displayName: 'Ann "A" \\ B' }, expect: { from: `"Ann \\"A\\" \\\\ B" ${AGENT}` } },
  { name: 'displayName: non-ASCII', config: { displayName: 'Zoë' }, expect: { from: `"Zoë" ${AGENT}` } },
  { name: 'displayName: CR/LF', config: { displayName: `Agent${CRLF}` }, expect: refused('control-characters', 'displayName') },
  { name: 'displayName: NUL', config: { displayName: 'Agent\u0000' }, expect: refused('control-characters', 'displayName') },
  { name: 'displayName: bidi override', config: { displayName: 'Agent \u202eevil' }, expect: refused('control-characters', 'displayName') },
  { name: 'displayName: zero-width space', config: { displayName: 'Ag\u200bent' }, expect: refused('control-characters', 'displayName') },
  { name: 'displayName: 10 kB', config: { displayName: KB10 }, expect: refused('too-long', 'displayName') },
  { name: 'displayName: 129 characters', config: { displayName: 'x'.repeat(129) }, expect: refused('invalid-identity', 'displayName') },
  { name: 'displayName: a number', configure: { displayName: 42 }, expect: refused('wrong-type', 'displayName', 'configure') },
];

const authCases: CorpusCase[] = [
  { name: 'auth: plain', configure: { auth: { username: 'agent', password: 'pw' } }, expect: {} },
  { name: 'auth: quote and backslash in the password (only hashed)', configure: { auth: { username: 'agent', password: 'p"w\\d' } }, expect: {} },
  { name: 'auth: non-ASCII password', configure: { auth: { username: 'agent', password: 'pässwörd' } }, expect: {} },
  { name: 'auth: cleared', configure: { auth: undefined }, expect: {} },
  ...['agent\r\nX-Evil: 1', 'agent\n', 'agent"', 'agent\\', 'agent\u0000', 'agent\u007f', 'agent\u0085', 'agent\u2028', ''].map(
    (username): CorpusCase => ({ name: `auth: username ${JSON.stringify(username)}`, configure: { auth: { username, password: 'pw' } }, expect: refused('invalid-config', 'auth', 'configure') }),
  ),
  ...['pw\r\nX: 1', 'pw\n', 'pw\u0000', 'pw\u007f'].map(
    (password): CorpusCase => ({ name: `auth: password ${JSON.stringify(password)}`, configure: { auth: { username: 'agent', password } }, expect: refused('invalid-config', 'auth', 'configure') }),
  ),
  { name: 'auth: 10 kB username', configure: { auth: { username: KB10, password: 'pw' } }, expect: refused('invalid-config', 'auth', 'configure') },
  { name: 'auth: username with CR/LF (constructor)', config: { auth: { username: 'a\r\nb', password: 'pw' } }, expect: refused('invalid-config', 'auth') },
  { name: 'auth: no password (constructor)', config: { auth: { username: 'agent' } }, expect: refused('invalid-config', 'auth') },
  // A function is a credentials source (asked per call), so it is not a wrong type for auth.
  ...WRONG_TYPES.filter(([what]) => what !== 'a function').map(([what, value]): CorpusCase => ({ name: `auth: ${what}`, configure: { auth: value }, expect: refused('invalid-config', 'auth', 'configure') })),
  { name: 'auth: password a number', configure: { auth: { username: 'agent', password: 1234 } }, expect: refused('invalid-config', 'auth', 'configure') },
];

const numberCases: CorpusCase[] = [
  { name: 'numberDomain: a domain', config: { numberDomain: 'gw.example.com' }, expect: { uri: 'sip:+442079460958@gw.example.com' } },
  { name: 'numberDomain: with port', config: { numberDomain: 'gw.example.com:5080' }, expect: { uri: 'sip:+442079460958@gw.example.com:5080' } },
  ...['evil.com>;x=<y', 'a@b.com', '999.999.999.999', '', 'gw.example.com;transport=tcp', 'gw.example.com?X=1', `gw.example.com${CRLF}`, 'gw.ex\u0430mple.com', KB10].map(
    (numberDomain): CorpusCase => ({ name: `numberDomain: ${JSON.stringify(numberDomain.slice(0, 30))}`, config: { numberDomain }, expect: refused('invalid-config', 'numberDomain') }),
  ),
  { name: 'numberDomain: a number', configure: { numberDomain: 42 }, expect: refused('wrong-type', 'numberDomain', 'configure') },
  { name: 'numberToUri: a gateway URI', config: { numberToUri: (e164: string) => `sip:${e164}@gw.example.com;user=phone` }, expect: { uri: 'sip:+442079460958@gw.example.com;user=phone' } },
  { name: 'numberToUri: returns a number', config: { numberToUri: () => 42 }, expect: refused('invalid-config', 'numberToUri') },
  { name: 'numberToUri: returns undefined', config: { numberToUri: () => undefined }, expect: refused('invalid-config', 'numberToUri') },
  {
    name: 'numberToUri: throws',
    config: {
      numberToUri: () => {
        throw new TypeError('x is undefined');
      },
    },
    expect: refused('invalid-config', 'numberToUri'),
  },
  { name: 'numberToUri: returns CR/LF', config: { numberToUri: (e164: string) => `sip:${e164}@gw.example.com${CRLF}` }, expect: refused('invalid-config', 'numberToUri') },
  { name: 'numberToUri: returns http:', config: { numberToUri: () => 'http://gw.example.com' }, expect: refused('invalid-config', 'numberToUri') },
  { name: 'numberToUri: returns %3A', config: { numberToUri: (e164: string) => `sip:${e164}%3Apw@gw.example.com` }, expect: refused('invalid-config', 'numberToUri') },
  { name: 'numberToUri: returns ?headers', config: { numberToUri: (e164: string) => `sip:${e164}@gw.example.com?Via=x` }, expect: refused('invalid-config', 'numberToUri') },
  { name: 'numberToUri: not a function', configure: { numberToUri: 'sip:x@y.com' }, expect: refused('wrong-type', 'numberToUri', 'configure') },
];

const otherCases: CorpusCase[] = [
  { name: 'defaults: context', config: { defaults: { context: { Team: 'renewals' } } }, expect: { headers: ['X-VC-Team: renewals'] } },
  { name: 'defaults: route and headers', config: { defaults: { route: 'sip:edge.example.com;lr', headers: { 'X-Tenant': 'acme' } } }, expect: { headers: ['Route: <sip:edge.example.com;lr>', 'X-Tenant: acme'] } },
  { name: 'defaults: forbidden header (at the call)', config: { defaults: { headers: { Via: 'x' } } }, expect: refused('forbidden-header', 'headers') },
  { name: 'defaults: CR/LF in context (at the call)', config: { defaults: { context: { A: `b${CRLF}` } } }, expect: refused('invalid-header-value', 'context') },
  { name: "defaults: context 'abc'", configure: { defaults: { context: 'abc' } }, expect: refused('wrong-type', 'context', 'configure') },
  { name: 'defaults: route 42', configure: { defaults: { route: 42 } }, expect: refused('wrong-type', 'route', 'configure') },
  { name: 'defaults: http webhook', configure: { defaults: { statusWebhook: { url: 'http://crm.example.com/hook' } } }, expect: refused('invalid-config', 'statusWebhook', 'configure') },
  { name: 'defaults: text', configure: { defaults: 'x' }, expect: refused('wrong-type', 'defaults', 'configure') },
  { name: 'defaults: null', configure: { defaults: null }, expect: refused('wrong-type', 'defaults', 'configure') },
  { name: 'statusWebhook: https (configure)', configure: { statusWebhook: { url: 'https://crm.example.com/hook' } }, expect: {} },
  ...['http://crm.example.com/hook', 'ftp://crm.example.com', 'not a url', 'javascript:alert(1)', 'https://u:p@crm.example.com'].map(
    (url): CorpusCase => ({ name: `statusWebhook (configure): ${url}`, configure: { statusWebhook: { url } }, expect: refused('invalid-config', 'statusWebhook', 'configure') }),
  ),
  { name: 'statusWebhook (constructor): http to another host', config: { statusWebhook: { url: 'http://crm.example.com/hook' } }, expect: refused('invalid-config', 'statusWebhook') },
  { name: 'statusWebhook (configure): {url: 123}', configure: { statusWebhook: { url: 123 } }, expect: refused('wrong-type', 'statusWebhook', 'configure') },
  { name: 'statusWebhook (configure): text', configure: { statusWebhook: 'https://crm.example.com' }, expect: refused('wrong-type', 'statusWebhook', 'configure') },
  { name: 'dtmf: info', config: { dtmf: 'info' }, expect: {} },
  { name: 'dtmf: unknown method', config: { dtmf: 'inband' }, expect: refused('invalid-config', 'dtmf') },
  { name: 'dtmf: CR/LF', config: { dtmf: `info${CRLF}` }, expect: refused('invalid-config', 'dtmf') },
  { name: 'dtmf: a number', configure: { dtmf: 2833 }, expect: refused('wrong-type', 'dtmf', 'configure') },
  { name: 'iceServers: STUN', configure: { iceServers: [{ urls: 'stun:stun.example.com:3478' }] }, expect: {} },
  { name: 'iceServers: TURN with credentials', configure: { iceServers: [{ urls: ['turns:turn.example.com:443'], username: 'u', credential: 'c' }] }, expect: {} },
  { name: 'iceServers: text', configure: { iceServers: 'stun:stun.example.com' }, expect: refused('wrong-type', 'iceServers', 'configure') },
  { name: 'iceServers: [null]', configure: { iceServers: [null] }, expect: refused('wrong-type', 'iceServers', 'configure') },
  { name: 'iceServers: http URL', configure: { iceServers: [{ urls: 'http://stun.example.com' }] }, expect: refused('invalid-config', 'iceServers', 'configure') },
  { name: 'iceServers: URL with CR/LF', configure: { iceServers: [{ urls: `stun:stun.example.com${CRLF}` }] }, expect: refused('invalid-config', 'iceServers', 'configure') },
  { name: 'iceServers: TURN without credentials', configure: { iceServers: [{ urls: 'turn:turn.example.com' }] }, expect: refused('invalid-config', 'iceServers', 'configure') },
  { name: 'iceServers: urls a number', configure: { iceServers: [{ urls: 3478 }] }, expect: refused('invalid-config', 'iceServers', 'configure') },
  { name: 'iceServers: credential a number', configure: { iceServers: [{ urls: 'stun:s.example.com', credential: 5 }] }, expect: refused('wrong-type', 'iceServers', 'configure') },
  { name: 'enabled: text', configure: { enabled: 'yes' }, expect: refused('wrong-type', 'enabled', 'configure') },
  { name: 'maxFinishedCalls: negative', configure: { maxFinishedCalls: -1 }, expect: refused('invalid-config', 'maxFinishedCalls', 'configure') },
  { name: 'maxFinishedCalls: text', configure: { maxFinishedCalls: 'many' }, expect: refused('invalid-config', 'maxFinishedCalls', 'configure') },
  { name: 'maxFinishedCalls: 2.5', configure: { maxFinishedCalls: 2.5 }, expect: refused('invalid-config', 'maxFinishedCalls', 'configure') },
  { name: 'configure: null', configure: null, expect: refused('wrong-type', 'config', 'configure') },
  { name: 'configure: text', configure: 'server=wss://x', expect: refused('wrong-type', 'config', 'configure') },
  { name: 'configure: a list', configure: [], expect: refused('wrong-type', 'config', 'configure') },
];

export const CONFIG_CASES: CorpusCase[] = [...serverCases, ...aorCases, ...displayNameCases, ...authCases, ...numberCases, ...otherCases];

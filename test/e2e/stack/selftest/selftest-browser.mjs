// Browser half of the self-test: headless Debian Chromium + bare sip.js over
// ws://127.0.0.1:5066 against a running stack.  node selftest-browser.mjs DIR
// Run inside the stack's private network namespace (selftest.sh --browser does this).
// Prints "ok   ..." / "FAIL ..." lines; exit 0 = all passed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as fe from '../far-end.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../../..');
const DIR = path.resolve(process.argv[2]);
const plan = JSON.parse(fs.readFileSync(path.join(HERE, '..', 'numbers.json'), 'utf8'));
const N = Object.fromEntries(Object.entries(plan.numbers).map(([k, v]) => [k, v.number]));
const require = createRequire(path.join(REPO, 'package.json'));
const { chromium } = require('playwright-core');

let failed = 0;
const check = (name, ok, detail = '') => {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `  (${detail})` : ''}`);
};

// 1. bundle the page into a temp folder (outside the repo)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-stack-page-'));
const t0 = Date.now();
const b = spawnSync(path.join(REPO, 'node_modules/.bin/esbuild'), [path.join(HERE, 'browser-page.mjs'), '--bundle',
  '--format=esm', '--target=chrome120', `--outfile=${tmp}/page.js`, '--log-level=warning'], { encoding: 'utf8' });
if (b.status !== 0) { console.log(`FAIL esbuild bundle: ${b.stderr}`); process.exit(1); }
fs.writeFileSync(`${tmp}/index.html`, '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/page.js"></script>');
console.log(`page bundled in ${Date.now() - t0} ms`);

// 2. static server: the page must come from http://localhost (not about:blank) to get
//    navigator.mediaDevices
const server = http.createServer((req, res) => {
  const f = req.url.startsWith('/page.js') ? 'page.js' : 'index.html';
  res.writeHead(200, { 'content-type': f.endsWith('.js') ? 'text/javascript' : 'text/html' });
  res.end(fs.readFileSync(path.join(tmp, f)));
});
await new Promise((r) => server.listen(8089, '127.0.0.1', r));

let ctx;
const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-stack-chromium-'));
try {
  ctx = await chromium.launchPersistentContext(udd, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      // Chromium leaves loopback out of ICE gathering unless told otherwise
      '--allow-loopback-in-peer-connection'],
  });
  const page = await ctx.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  await page.goto('http://localhost:8089/index.html');
  await page.waitForFunction(() => window.vcReady === true, null, { timeout: 10000 });
  const call = (o) => page.evaluate((x) => window.vcCall(x), { ws: plan.wsUrl, ...o });
  const marks = fe.logMarks(DIR);

  // ---- group 1, in parallel: every far end once ----
  const [bar, ans, hang, busy, nf, unk, na, naCancel] = await Promise.all([
    call({ target: `sip:${N.baresip}@127.0.0.1`, dtmfRtp: '1234', dtmfInfo: '56',
      preloadedRouteSet: ['sip:127.0.0.1:5066;transport=ws;lr', 'sip:edge.example.invalid;lr'],
      extraHeaders: ['P-Asserted-Identity: <sip:+15555550100@127.0.0.1>', 'X-Vc-Selftest: baresip'],
      mute: { beforeMs: 2500, muteMs: 2500, afterMs: 2500 } }),
    call({ target: `sip:${N.answer}@127.0.0.1`, dtmfRtp: '1234', dtmfInfo: '56' }),
    call({ target: `sip:${N.hangup}@127.0.0.1`, waitRemoteBye: true }),
    call({ target: `sip:${N.busy}@127.0.0.1` }),
    call({ target: `sip:${N.notfound}@127.0.0.1` }),
    call({ target: `sip:${N.unknown}@127.0.0.1` }),
    call({ target: `sip:${N.noanswer}@127.0.0.1` }),
    call({ target: `sip:${N.noanswer}@127.0.0.1`, cancelAfterRingingMs: 500 }),
  ]);
  const d = (r) => `final=${r.final} media=${r.media} end=${r.terminatedBy} ${r.totalMs} ms${r.error ? ' ' + r.error : ''}`;
  check(`baresip ${N.baresip}: 200 + media (ICE/DTLS via rtpengine)`, bar.final === 200 && bar.media, d(bar));
  check(`answer ${N.answer}: 200 + media`, ans.final === 200 && ans.media, d(ans));
  check(`hangup ${N.hangup}: far end BYE over the WebSocket`, hang.final === 200 && hang.terminatedBy === 'remote', d(hang));
  check(`busy ${N.busy}: 486`, busy.final === 486, d(busy));
  check(`notfound ${N.notfound}: 404`, nf.final === 404, d(nf));
  check(`unknown ${N.unknown}: 404`, unk.final === 404, d(unk));
  check(`noanswer ${N.noanswer}: 408 after ~3 s`, na.final === 408 && na.totalMs > 2500 && na.totalMs < 6000, d(na));
  check(`noanswer ${N.noanswer}: caller CANCEL while ringing -> 487`, naCancel.final === 487, d(naCancel));

  // far end views
  const bd = await fe.waitFor(() => { const x = fe.baresipDtmf(DIR, marks.baresip); return x.rfc4733.length >= 4 && x.info.length >= 2 && x; }, 3000)
    .catch(() => fe.baresipDtmf(DIR, marks.baresip));
  check('baresip: RFC 4733 digits 1234 and SIP INFO digits 56', bd.rfc4733.join('') === '1234' && bd.info.join('') === '56',
    `rfc4733=${bd.rfc4733.join('')} info=${bd.info.join('')}`);
  const rd = fe.rtpengineDtmf(DIR);
  check('rtpengine relayed 1234 from the caller (baresip call)', rd[bar.callId]?.caller.join('') === '1234', JSON.stringify(rd[bar.callId]?.bySourceTag));
  check('rtpengine relayed 1234 from the caller (sipp answer call)', rd[ans.callId]?.caller.join('') === '1234', JSON.stringify(rd[ans.callId]?.bySourceTag));
  const si = fe.sippInfoDigits(DIR, ans.callId).map((x) => x.digit).join('');
  check('sipp answer: INFO digits 56 logged with the Call-ID', si === '56', si);
  const inv = fe.invitesTo(DIR, N.baresip).find((m) => m.callId === bar.callId);
  check('sipdump: browser INVITE as received (ws, Route x2, P-Asserted-Identity, X-)', inv && inv.proto === 'ws'
    && fe.headers(inv, 'Route').join(',').includes('edge.example.invalid') && fe.header(inv, 'X-Vc-Selftest') === 'baresip'
    && !!fe.header(inv, 'P-Asserted-Identity'), inv ? `proto=${inv.proto} Route=${fe.headers(inv, 'Route').join(' | ')}` : 'no INVITE');
  const outs = fe.sipMessages(DIR).filter((m) => m.direction === 'out');
  check('sipdump: nothing sent off loopback, no pre-loaded Route forwarded', outs.every((m) => m.dst.startsWith('127.0.0.1:') && !m.raw.includes('edge.example.invalid')));
  const byeIn = fe.messagesForCall(DIR, hang.callId).find((m) => m.method === 'BYE' && m.direction === 'out' && m.proto === 'ws');
  check('sipdump: far-end BYE relayed to the browser over ws', !!byeIn);

  // mute: the WAV baresip decoded from the caller is loud / silent / loud
  const rec = await fe.waitFor(() => fe.baresipRecordings(DIR).find((r) => r.callId === bar.callId), 3000).catch(() => undefined);
  if (!rec) {
    check('baresip recording of the baresip call found', false, JSON.stringify(fe.baresipRecordings(DIR)));
  } else {
    const w = fe.audioWindows(rec.dec, 100);
    // the WAV starts at the first decoded RTP packet, not at a page timestamp: find the mute
    // as the longest silent run and check there is sound on both sides of it
    const muteMs = 2500;
    const runs = fe.silences(w, { threshold: 100, minMs: 500 });
    const longest = runs.sort((a, b) => b.ms - a.ms)[0];
    const loudIn = (a, z) => w.rms.slice(Math.max(0, a / 100), z / 100).filter((x) => x > 1000).length;
    check('mute: caller audio at baresip loud / silent (~2.5 s) / loud', longest && Math.abs(longest.ms - muteMs) <= 600
      && loudIn(longest.startMs - 2000, longest.startMs) > 0 && loudIn(longest.endMs, longest.endMs + 2000) > 0,
      `${path.basename(rec.dec)} ${Math.round(w.durationMs)} ms; silent runs ${JSON.stringify(runs)}`);
  }

  // ---- group 2: digest auth from sip.js ----
  const [authOk, authBad, authNone] = await Promise.all([
    call({ target: `sip:${N.auth}@127.0.0.1`, auth: { username: plan.credentials.username, password: plan.credentials.password }, holdMs: 500 }),
    call({ target: `sip:${N.auth}@127.0.0.1`, auth: { username: plan.credentials.username, password: 'nope' } }),
    call({ target: `sip:${N.auth}@127.0.0.1` }),
  ]);
  check(`auth ${N.auth}: sip.js answers the 407 -> 200 + media`, authOk.final === 200 && authOk.media, d(authOk));
  check(`auth ${N.auth}: wrong password -> 407, no call`, authBad.final === 407 && !authBad.established, d(authBad));
  check(`auth ${N.auth}: no credentials -> 407`, authNone.final === 407 && !authNone.established, d(authNone));
  if (failed) console.log(consoleLines.slice(0, 30).join('\n'));
} catch (e) {
  check('browser run', false, String(e));
} finally {
  await ctx?.close().catch(() => {});
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(udd, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

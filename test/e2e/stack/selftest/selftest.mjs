// Self-check of the loopback SIP stack. Run it through ../selftest.sh (private network
// namespace); it refuses to run where any interface other than lo exists.
//   node selftest.mjs [--dir DIR] [--browser] [--keep]
// up -> sipp UAC calls to every number (plain SIP over UDP to Kamailio 127.0.0.1:5060), checks
// the final status and what the far end saw (far-end.mjs) -> optional Chromium + sip.js
// calls over ws://127.0.0.1:5066 (selftest-browser.mjs) -> down. Exit 0 = all passed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fe from '../far-end.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const STACK = path.resolve(HERE, '..');
const plan = JSON.parse(fs.readFileSync(path.join(STACK, 'numbers.json'), 'utf8'));
const N = Object.fromEntries(Object.entries(plan.numbers).map(([k, v]) => [k, v.number]));
const args = process.argv.slice(2);
const opt = (name) => args.includes(name);
const DIR = path.resolve(args[args.indexOf('--dir') + 1] && args.includes('--dir')
  ? args[args.indexOf('--dir') + 1] : fs.mkdtempSync('/tmp/vc-stack-selftest-'));

// /proc/net/dev is per network namespace (/sys/class/net shows the namespace sysfs was mounted in)
const ifaces = fs.readFileSync('/proc/net/dev', 'utf8').split('\n').slice(2)
  .map((l) => l.split(':')[0].trim()).filter((i) => i && i !== 'lo');
if (ifaces.length && !process.env.SELFTEST_ANY_NETNS) {
  console.error(`selftest: network interfaces other than lo exist (${ifaces.join(', ')}): run it via selftest.sh (unshare --net)`);
  process.exit(2);
}

const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok: !!ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `  (${detail})` : ''}`);
};

// ---------- sipp UAC ----------
const work = path.join(DIR, 'selftest');
fs.mkdirSync(work, { recursive: true });
const tpl = fs.readFileSync(path.join(HERE, 'uac.xml'), 'utf8');
fs.writeFileSync(path.join(work, 'uac-neg.xml'), tpl.replaceAll('@ON407@', 'neg'));
fs.writeFileSync(path.join(work, 'uac-auth.xml'), tpl.replaceAll('@ON407@', 'challenged'));
fs.copyFileSync(path.join(HERE, 'uac-cancel.xml'), path.join(work, 'uac-cancel.xml'));
let nextPort = 5200;

function uac(label, number, o = {}) {
  const port = nextPort; nextPort += 2;
  const log = path.join(work, `uac-${label}.log`);
  const err = path.join(work, `uac-${label}.err`);
  const a = [
    '127.0.0.1:5060', '-sf', path.join(work, `uac-${o.scenario ?? 'neg'}.xml`), '-s', number, '-m', '1',
    '-i', '127.0.0.1', '-p', String(port), '-mi', '127.0.0.1', '-mp', String(7000 + (port - 5200) * 2),
    '-key', 'digit', o.digit ?? '5', '-key', 'extra', o.extra ?? `X-Selftest: ${label}`,
    '-key', 'domain', o.domain ?? '127.0.0.1', '-nostdin', '-timeout', '20s',
    '-trace_logs', '-log_file', log, '-trace_err', '-error_file', err,
  ];
  if (o.au) a.push('-au', o.au, '-ap', o.ap ?? '');
  const t0 = Date.now();
  return new Promise((resolve) => {
    const p = spawn('sipp', a, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('exit', (rc) => {
      let txt = '';
      try { txt = fs.readFileSync(log, 'utf8'); } catch {}
      const f = /FINAL (\d+) CALLID (\S+)/.exec(txt);
      resolve({ label, rc, ms: Date.now() - t0, final: f ? Number(f[1]) : undefined, callId: f?.[2],
        bye: /REMOTE_BYE/.test(txt) ? 'remote' : /LOCAL_BYE/.test(txt) ? 'local' : undefined,
        authRetry: /AUTH_RETRY/.test(txt), stderr: stderr.trim().split('\n').slice(-3).join(' | ') });
    });
  });
}

const desc = (r) => `final=${r.final} bye=${r.bye ?? '-'} ${r.ms} ms rc=${r.rc}${r.rc ? ' ' + r.stderr : ''}`;

// ---------- up ----------
const tUp = Date.now();
const up = spawnSync('bash', [path.join(STACK, 'stack.sh'), 'up', DIR], { encoding: 'utf8' });
process.stdout.write(up.stdout); process.stderr.write(up.stderr);
if (up.status !== 0) { console.error(`selftest: stack.sh up failed (exit ${up.status})`); process.exit(1); }
const upMs = Number(/stack ready in (\d+) ms/.exec(up.stdout)?.[1]);
console.log(`stack.sh up: ${upMs} ms inside, ${Date.now() - tUp} ms wall`);

let exitCode;
try {
  const marks = fe.logMarks(DIR);
  const ROUTES = 'Route: <sip:127.0.0.1:5066;transport=ws;lr>, <sip:edge.example.invalid;lr>';
  const [baresip, answer, hangup, busy, notfound, unknown, noanswerSeq, authNone, authOk, authBadPw,
    authBadUser, routeBusy, routeAnswer, otherDomain, conc] = await Promise.all([
    uac('baresip', N.baresip, { digit: '7' }),
    uac('answer', N.answer, { digit: '3' }),
    uac('hangup', N.hangup),
    uac('busy', N.busy),
    uac('notfound', N.notfound),
    uac('unknown', N.unknown),
    (async () => [await uac('cancel1', N.noanswer, { scenario: 'cancel' }), await uac('noanswer', N.noanswer),
      await uac('cancel2', N.noanswer, { scenario: 'cancel' })])(),
    uac('auth-none', N.auth),
    uac('auth-ok', N.auth, { scenario: 'auth', au: plan.credentials.username, ap: plan.credentials.password, digit: '9' }),
    uac('auth-badpw', N.auth, { scenario: 'auth', au: plan.credentials.username, ap: 'wrong-password' }),
    uac('auth-baduser', N.auth, { scenario: 'auth', au: 'mallory', ap: plan.credentials.password }),
    uac('route-busy', N.busy, { extra: ROUTES }),
    uac('route-answer', N.answer, { extra: ROUTES, digit: '4' }),
    uac('other-domain', N.busy, { domain: 'vc.example.invalid' }),
    Promise.all([uac('conc-answer-1', N.answer, { digit: '1' }), uac('conc-answer-2', N.answer, { digit: '2' }),
      uac('conc-baresip-1', N.baresip, { digit: 'A' }), uac('conc-baresip-2', N.baresip, { digit: 'B' })]),
  ]);

  check(`baresip ${N.baresip}: 200, caller hangs up`, baresip.final === 200 && baresip.bye === 'local' && baresip.rc === 0, desc(baresip));
  check(`answer ${N.answer}: 200, caller hangs up`, answer.final === 200 && answer.bye === 'local' && answer.rc === 0, desc(answer));
  check(`hangup ${N.hangup}: 200, far end sends BYE`, hangup.final === 200 && hangup.bye === 'remote' && hangup.rc === 0, desc(hangup));
  check(`busy ${N.busy}: 486`, busy.final === 486 && busy.rc === 0, desc(busy));
  check(`notfound ${N.notfound}: 404`, notfound.final === 404 && notfound.rc === 0, desc(notfound));
  check(`unknown ${N.unknown}: 404`, unknown.final === 404 && unknown.rc === 0, desc(unknown));
  const [c1, na, c2] = noanswerSeq;
  check(`noanswer ${N.noanswer}: caller CANCEL while ringing -> 487`, c1.final === 487 && c1.rc === 0, desc(c1));
  check(`noanswer ${N.noanswer}: 408 after ~3 s`, na.final === 408 && na.ms >= 2500 && na.ms < 5000, desc(na));
  check(`noanswer ${N.noanswer}: next CANCEL still served -> 487`, c2.final === 487 && c2.rc === 0, desc(c2));
  check(`auth ${N.auth} without credentials: 407`, authNone.final === 407, desc(authNone));
  check(`auth ${N.auth} vc-agent/e2e-Secret-42: 407 then 200`, authOk.authRetry && authOk.final === 200 && authOk.rc === 0, desc(authOk));
  check(`auth ${N.auth} wrong password: 407 again`, authBadPw.authRetry && authBadPw.final === 407, desc(authBadPw));
  check(`auth ${N.auth} wrong user: 403`, authBadUser.authRetry && authBadUser.final === 403, desc(authBadUser));
  check(`pre-loaded Route headers, ${N.busy}: 486 (and its ACK absorbed)`, routeBusy.final === 486 && routeBusy.rc === 0, desc(routeBusy));
  check(`pre-loaded Route headers, ${N.answer}: 200 + INFO + BYE`, routeAnswer.final === 200 && routeAnswer.bye === 'local' && routeAnswer.rc === 0, desc(routeAnswer));
  check(`R-URI domain ignored (sip:${N.busy}@vc.example.invalid): 486`, otherDomain.final === 486, desc(otherDomain));
  check('4 concurrent calls (2 answer, 2 baresip): all 200', conc.every((r) => r.final === 200 && r.rc === 0), conc.map(desc).join('; '));

  // ---- what the far ends saw ----
  await fe.waitFor(() => fe.finalResponse(DIR, conc[3].callId), 2000).catch(() => {});
  const msgs = fe.sipMessages(DIR);
  const outsideDst = msgs.filter((m) => m.direction === 'out' && !m.dst.startsWith('127.0.0.1:'));
  check('sipdump: every message sent went to 127.0.0.1', msgs.length > 50 && outsideDst.length === 0, `${msgs.length} messages`);
  const leaked = msgs.filter((m) => m.direction === 'out' && /edge\.example\.invalid/.test(m.raw));
  check('sipdump: no pre-loaded Route forwarded', leaked.length === 0, leaked.map((m) => m.startLine).join(', '));
  const rInv = fe.invitesTo(DIR, N.busy).find((m) => m.callId === routeBusy.callId);
  check('sipdump: INVITE as received keeps Route / P-Asserted-Identity / X- headers',
    rInv && /edge\.example\.invalid/.test(fe.header(rInv, 'Route') ?? '') && fe.header(rInv, 'P-Asserted-Identity')
    && fe.invitesTo(DIR, N.baresip).some((m) => fe.header(m, 'X-Selftest') === 'baresip'));
  const klog = fs.readFileSync(path.join(DIR, 'logs/kamailio.log'), 'utf8');
  check('kamailio: no next hop refused / no DNS look-up', !/refusing next hop|could not resolve|bad host name/i.test(klog));
  const na407 = fe.messagesForCall(DIR, authNone.callId).find((m) => m.status === 407 && m.direction === 'out');
  check('407 carries Proxy-Authenticate realm="127.0.0.1"', /realm="127\.0\.0\.1"/.test(fe.header(na407 ?? { headers: [] }, 'Proxy-Authenticate') ?? ''));
  const fwd = fe.messagesForCall(DIR, authOk.callId).filter((m) => m.direction === 'out' && m.method === 'INVITE' && !m.status);
  check('auth: credentials consumed (forwarded INVITE has no Proxy-Authorization)',
    fwd.length === 1 && fwd[0].dst === '127.0.0.1:5090' && !fe.header(fwd[0], 'Proxy-Authorization'));
  const bad = fe.messagesForCall(DIR, authBadPw.callId);
  check('auth wrong password: never forwarded, 407 twice', bad.filter((m) => m.status === 407 && m.direction === 'out').length === 2
    && bad.every((m) => !(m.direction === 'out' && m.method === 'INVITE' && !m.status)));
  const unkOut = fe.messagesForCall(DIR, unknown.callId).filter((m) => m.direction === 'out');
  check('unknown number: 404 from Kamailio itself (nothing forwarded)', unkOut.length === 1 && unkOut[0].status === 404);
  const nf = fe.messagesForCall(DIR, notfound.callId).find((m) => m.direction === 'in' && m.status === 404);
  check('notfound: 404 comes from the far end (127.0.0.1:5076)', nf?.src === '127.0.0.1:5076');

  const bd = await fe.waitFor(() => { const d = fe.baresipDtmf(DIR, marks.baresip); return d.info.length >= 4 && d; }, 3000).catch(() => fe.baresipDtmf(DIR, marks.baresip));
  check('baresip logged the SIP INFO digits 7, 9, A, B', ['7', '9', 'A', 'B'].every((d) => bd.info.includes(d)), `info=${bd.info.join('')}`);
  const sd = fe.sippInfoDigits(DIR);
  const per = (r) => sd.filter((d) => d.callId === r.callId).map((d) => d.digit).join('');
  check('sipp answer logged INFO digit per Call-ID', per(answer) === '3' && per(routeAnswer) === '4' && per(conc[0]) === '1' && per(conc[1]) === '2',
    `answer=${per(answer)} route=${per(routeAnswer)} conc=${per(conc[0])},${per(conc[1])}`);
  const recs = fe.baresipRecordings(DIR);
  check('baresip recorded WAVs (one pair per answered call)', recs.length >= 1 && recs.every((r) => r.enc), `${recs.length} recordings (4 calls; same-second calls share one file)`);
  const rec = recs.find((r) => r.callId === baresip.callId || r.callId === authOk.callId || conc.some((c) => c.callId === r.callId));
  check('baresip recording matched to a Call-ID', !!rec, rec ? `${path.basename(rec.dec)} -> ${rec.callId}` : '');
  const pids = fs.readFileSync(path.join(DIR, 'pids'), 'utf8').trim().split('\n').map((l) => l.split(' '));
  const dead = pids.filter(([, pid]) => { try { return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0] === 'Z'; } catch { return true; } });
  check('all stack processes still running after the calls', dead.length === 0, dead.map(([n]) => n).join(', '));

  if (opt('--browser')) {
    const br = spawnSync('node', [path.join(HERE, 'selftest-browser.mjs'), DIR], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(br.stdout);
    for (const m of br.stdout.matchAll(/^(ok {2}|FAIL) (.*)$/gm)) results.push({ name: `browser: ${m[2]}`, ok: m[1] === 'ok  ' });
    if (br.status !== 0 && !results.some((r) => r.name.startsWith('browser') && !r.ok)) check('browser run', false, `exit ${br.status}`);
  }
  exitCode = results.every((r) => r.ok) ? 0 : 1;
} finally {
  if (!opt('--keep')) {
    const t = Date.now();
    const d = spawnSync('bash', [path.join(STACK, 'stack.sh'), 'down', DIR], { encoding: 'utf8' });
    process.stdout.write(d.stdout);
    console.log(`stack.sh down: ${Date.now() - t} ms (exit ${d.status})`);
  }
}
const failed = results.filter((r) => !r.ok);
console.log(`${failed.length ? 'FAILED' : 'PASSED'}: ${results.length - failed.length}/${results.length} checks; stack up ${upMs} ms; logs in ${DIR}/logs`);
process.exit(exitCode);

// Runs INSIDE a private network namespace (configs.test.mjs starts it as
// `unshare --net --pid --fork --kill-child node netns-check.mjs`): only
// a loopback device exists, so nothing here can reach another host. Starts the packaged rtpengine,
// coturn and Kamailio with the deploy/ files (site addresses mapped to 127.0.0.x, a throw-away
// certificate), probes each, stops each by its PID and prints one JSON report on stdout.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { ephemeral } from '../../deploy/credentials/issue-credentials.mjs';
import { LOOPBACK, SECRET, edgeDefines } from './loopback.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const deploy = (...p) => path.join(root, 'deploy', ...p);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const report = { steps: [], daemons: {} };
const step = (name, ok, detail = '') => report.steps.push({ name, ok: Boolean(ok), detail: String(detail).slice(0, 4000) });

/** Replace every key of `map` in `text` (each must occur). */
function mapValues(file, text, map) {
  for (const [from, to] of Object.entries(map)) {
    if (!text.includes(from)) throw new Error(`${file}: placeholder ${from} not found (update test/deploy/netns-check.mjs)`);
    text = text.split(from).join(to);
  }
  return text;
}

// ----- daemons: started here, stopped here by PID -----
const daemons = [];
function start(name, cmd, args) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const d = { name, child, log: '', exited: null };
  child.stdout.on('data', (b) => { d.log += b; });
  child.stderr.on('data', (b) => { d.log += b; });
  child.on('exit', (code, signal) => { d.exited = { code, signal }; });
  child.on('error', (e) => { d.log += `spawn error: ${e.message}\n`; d.exited = { code: -1, signal: null }; });
  daemons.push(d);
  return d;
}
async function stop(d) {
  if (d.exited) return;
  d.stoppedByUs = true;
  process.kill(d.child.pid, 'SIGTERM');
  // A generous deadline: npm test runs this beside the e2e suite, and a loaded Kamailio took over 5 s to end its children.
  for (let i = 0; i < 200 && !d.exited; i++) await sleep(100);
  if (!d.exited) { process.kill(d.child.pid, 'SIGKILL'); d.killed = true; for (let i = 0; i < 20 && !d.exited; i++) await sleep(100); }
}
async function until(what, d, fn, ms = 10000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    if (d.exited) throw new Error(`${d.name} exited (${JSON.stringify(d.exited)}) before ${what}`);
    try { const v = await fn(); if (v) return v; } catch (e) { last = e; }
    await sleep(200);
  }
  throw new Error(`${d.name}: no ${what} within ${ms} ms${last ? `: ${last.message}` : ''}`);
}

// ----- small clients -----
function udpAsk(host, port, payload, ms = 1000) {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    const t = setTimeout(() => { s.close(); reject(new Error('no UDP answer')); }, ms);
    s.on('message', (m) => { clearTimeout(t); s.close(); resolve(m); });
    s.on('error', (e) => { clearTimeout(t); s.close(); reject(e); });
    s.send(payload, port, host);
  });
}
const ngPing = async (host, port) => String(await udpAsk(host, port, Buffer.from('vc1 d7:command4:pinge'))).includes('4:pong');
async function stunBinding(host, port) {
  const req = Buffer.alloc(20);
  req.writeUInt16BE(0x0001, 0); req.writeUInt16BE(0, 2); req.writeUInt32BE(0x2112a442, 4);
  crypto.randomBytes(12).copy(req, 8);
  const res = await udpAsk(host, port, req);
  return res.readUInt16BE(0) === 0x0101 && res.subarray(8, 20).equals(req.subarray(8, 20));
}
function tlsHello(host, port, servername) {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host, port, servername, rejectUnauthorized: false }, () => {
      const cert = s.getPeerCertificate();
      resolve({ protocol: s.getProtocol(), subject: cert?.subject?.CN });
      s.destroy();
    });
    s.setTimeout(2000, () => { s.destroy(); reject(new Error('TLS timeout')); });
    s.on('error', reject);
  });
}

/** A WebSocket over TLS, as a browser opens it: HTTP upgrade with an Origin, the `sip` subprotocol. */
function openWs(origin) {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host: LOOPBACK.edge.ip, port: 443, servername: LOOPBACK.edge.host, rejectUnauthorized: false });
    let buf = Buffer.alloc(0);
    let head = null;
    const frames = [];
    const waiters = [];
    s.setTimeout(5000, () => { s.destroy(); reject(new Error('WebSocket timeout')); });
    s.on('error', reject);
    s.on('secureConnect', () => {
      s.write(`GET / HTTP/1.1\r\nHost: ${LOOPBACK.edge.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
        `Sec-WebSocket-Protocol: sip\r\nOrigin: ${origin}\r\n\r\n`);
    });
    s.on('data', (b) => {
      buf = Buffer.concat([buf, b]);
      if (!head) {
        const i = buf.indexOf('\r\n\r\n');
        if (i < 0) return;
        head = buf.subarray(0, i).toString();
        buf = buf.subarray(i + 4);
        const status = Number(head.split(' ')[1]);
        s.setTimeout(0);
        resolve({ status, head, send, next, close: () => s.destroy() });
      }
      // server frames are unmasked; SIP messages here are text frames < 64 KiB
      while (buf.length >= 2) {
        let len = buf[1] & 0x7f;
        let off = 2;
        if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
        if (buf.length < off + len) return;
        const opcode = buf[0] & 0x0f;
        const payload = buf.subarray(off, off + len).toString();
        buf = buf.subarray(off + len);
        if (opcode === 1) { frames.push(payload); waiters.splice(0).forEach((w) => w()); }
      }
    });
    function send(text) {
      const data = Buffer.from(text);
      const mask = crypto.randomBytes(4);
      const header = data.length < 126 ? Buffer.from([0x81, 0x80 | data.length]) : Buffer.from([0x81, 0x80 | 126, data.length >> 8, data.length & 0xff]);
      s.write(Buffer.concat([header, mask, Buffer.from(data.map((x, i) => x ^ mask[i % 4]))]));
    }
    /** The next SIP message whose first line matches `re` (earlier ones are skipped). */
    async function next(re, ms = 5000) {
      const end = Date.now() + ms;
      for (;;) {
        const i = frames.findIndex((f) => re.test(f.split('\r\n')[0]));
        if (i >= 0) return frames.splice(0, i + 1).pop();
        if (Date.now() > end) throw new Error(`no SIP message matching ${re} (got: ${frames.map((f) => f.split('\r\n')[0]).join(' | ') || 'nothing'})`);
        await new Promise((r) => { waiters.push(r); setTimeout(r, 200); });
      }
    }
  });
}

const header = (msg, name) => msg.split('\r\n').filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)).map((l) => l.slice(name.length + 1).trim());
const body = (msg) => msg.slice(msg.indexOf('\r\n\r\n') + 4);
const md5 = (s) => crypto.createHash('md5').update(s).digest('hex');

// a WebRTC offer as Chrome makes it (trimmed): ICE, DTLS-SRTP, rtcp-mux, Opus + PCMU + RFC 4733
const browserOffer = [
  'v=0', 'o=- 4611731400430051336 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0', 'a=msid-semantic: WMS',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 0 126', 'c=IN IP4 0.0.0.0', 'a=rtcp:9 IN IP4 0.0.0.0',
  'a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0',
  'a=ice-ufrag:Vc1d', 'a=ice-pwd:abcdefghijklmnopqrstuvwx', 'a=ice-options:trickle',
  `a=fingerprint:sha-256 ${Array.from(crypto.randomBytes(32), (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(':')}`,
  'a=setup:actpass', 'a=mid:0', 'a=sendrecv', 'a=rtcp-mux',
  'a=rtpmap:111 opus/48000/2', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:126 telephone-event/8000', '',
].join('\r\n');

function invite({ callId, cseq, auth, number = '+4930901821' }) {
  const ruri = `sip:${number}@${LOOPBACK.edge.host}`;
  const lines = [
    `INVITE ${ruri} SIP/2.0`,
    `Via: SIP/2.0/WSS vc1d.invalid;branch=z9hG4bK${crypto.randomBytes(6).toString('hex')}`,
    'Max-Forwards: 70', `To: <${ruri}>`, `From: <sip:agent-7@${LOOPBACK.edge.host}>;tag=vcft1`, `Call-ID: ${callId}`,
    `CSeq: ${cseq} INVITE`, 'Contact: <sip:agent-7@vc1d.invalid;transport=ws;ob>', 'Content-Type: application/sdp',
  ];
  if (auth) lines.push(`Proxy-Authorization: ${auth(ruri)}`);
  return `${lines.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(browserOffer)}\r\n\r\n${browserOffer}`;
}
function digest(challenge, { username, password }) {
  const p = Object.fromEntries([...challenge.matchAll(/(\w+)="?([^",]+)"?/g)].map((m) => [m[1], m[2]]));
  return (uri) => {
    const cnonce = crypto.randomBytes(8).toString('hex');
    const ha1 = md5(`${username}:${p.realm}:${password}`);
    const ha2 = md5(`INVITE:${uri}`);
    const response = md5(`${ha1}:${p.nonce}:00000001:${cnonce}:auth:${ha2}`);
    return `Digest username="${username}", realm="${p.realm}", nonce="${p.nonce}", uri="${uri}", response="${response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="${cnonce}"`;
  };
}

/** The stand-in trunk: UDP gateways that answer an INVITE with 200 + a plain RTP/AVP answer. */
function fakeTrunk() {
  const got = [];
  const sockets = Object.values(LOOPBACK.gateways).map((hp) => {
    const [host, port] = hp.split(':');
    const s = dgram.createSocket('udp4');
    s.bind(Number(port), host);
    s.on('message', (m, rinfo) => {
      const msg = String(m);
      got.push(msg);
      if (!msg.startsWith('INVITE ')) return;
      const sdp = ['v=0', `o=trunk 1 1 IN IP4 ${host}`, 's=-', `c=IN IP4 ${host}`, 't=0 0', 'm=audio 6000 RTP/AVP 0 101',
        'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=sendrecv', ''].join('\r\n');
      const copy = (n) => header(msg, n).map((v) => `${n}: ${v}`);
      const reply = ['SIP/2.0 200 OK', ...copy('Via'), ...copy('Record-Route'), ...copy('From'),
        `To: ${header(msg, 'To')[0]};tag=trunk1`, ...copy('Call-ID'), ...copy('CSeq'), `Contact: <sip:trunk@${hp}>`,
        'Content-Type: application/sdp', `Content-Length: ${Buffer.byteLength(sdp)}`, '', sdp].join('\r\n');
      s.send(reply, rinfo.port, rinfo.address);
    });
    return s;
  });
  return { got, close: () => sockets.forEach((s) => s.close()) };
}

// ----- the run -----
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-deploy-'));
const hardStop = setTimeout(() => { finish(new Error('hard time limit (90 s) reached')); }, 90000);
let finished = false;
async function finish(error) {
  if (finished) return;
  finished = true;
  clearTimeout(hardStop);
  if (error) step('run', false, error.stack || error.message);
  for (const d of [...daemons].reverse()) await stop(d);
  for (const d of daemons) {
    report.daemons[d.name] = { exited: d.exited, stoppedByUs: Boolean(d.stoppedByUs), killed: Boolean(d.killed), log: d.log.slice(-20000) };
  }
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(`\n${JSON.stringify(report)}\n`);
  process.exit(0);
}

try {
  execFileSync('ip', ['link', 'set', 'lo', 'up']);
  const links = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' }).trim().split('\n');
  if (links.length !== 1 || !/ lo:/.test(links[0])) throw new Error(`not a private network namespace: ${links.join('; ')}`);

  // throw-away certificate for both TLS listeners
  const key = path.join(work, 'key.pem');
  const cert = path.join(work, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', `/CN=${LOOPBACK.edge.host}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  fs.chmodSync(key, 0o644);

  // 1. rtpengine with deploy/rtpengine/rtpengine.conf
  const rtConf = path.join(work, 'rtpengine.conf');
  fs.writeFileSync(rtConf, mapValues('rtpengine.conf', fs.readFileSync(deploy('rtpengine/rtpengine.conf'), 'utf8'), LOOPBACK.rtpengine));
  // --foreground/--log-stderr/--pidfile only: how the daemon runs, not what it is configured with
  const rt = start('rtpengine', 'rtpengine', ['--config-file', rtConf, '--foreground', '--log-stderr', '--pidfile', path.join(work, 'rtpengine.pid')]);
  const [ngHost, ngPort] = LOOPBACK.edge.rtpengineNg.split(':');
  await until('ng pong', rt, () => ngPing(ngHost, Number(ngPort)));
  step('rtpengine starts with deploy/rtpengine/rtpengine.conf and answers an ng ping on listen-ng', true);

  // 2. coturn with deploy/coturn/turnserver.conf
  let turnText = mapValues('turnserver.conf', fs.readFileSync(deploy('coturn/turnserver.conf'), 'utf8'), LOOPBACK.coturn);
  turnText = turnText.replace(/^cert=.*$/m, `cert=${cert}`).replace(/^pkey=.*$/m, `pkey=${key}`)
    .replace(/^log-file=.*$/m, 'log-file=stdout');
  const turnConf = path.join(work, 'turnserver.conf');
  fs.writeFileSync(turnConf, turnText);
  // --db: its (unused: TURN REST credentials) user database in the scratch folder, not /var/lib/turn
  const turn = start('coturn', 'turnserver', ['-c', turnConf, '--pidfile', path.join(work, 'turnserver.pid'), '--db', path.join(work, 'turndb')]);
  const turnIp = LOOPBACK.coturn['203.0.113.10'];
  await until('STUN binding answer on 3478/udp', turn, () => stunBinding(turnIp, 3478));
  const turnTls = await until('TLS on 443', turn, () => tlsHello(turnIp, 443, 'turn.example.com'));
  step('coturn starts with deploy/coturn/turnserver.conf: STUN on 3478/udp, TLS on 443', /^TLSv1\.[23]$/.test(turnTls.protocol), JSON.stringify(turnTls));

  // 3. Kamailio with deploy/kamailio/kamailio.cfg, tls.cfg and dispatcher.list
  const tlsCfg = path.join(work, 'tls.cfg');
  fs.writeFileSync(tlsCfg, fs.readFileSync(deploy('kamailio/tls.cfg'), 'utf8')
    .replace(/^certificate = .*$/m, `certificate = ${cert}`).replace(/^private_key = .*$/m, `private_key = ${key}`));
  const dsList = path.join(work, 'dispatcher.list');
  fs.writeFileSync(dsList, mapValues('dispatcher.list', fs.readFileSync(deploy('kamailio/dispatcher.list'), 'utf8'),
    LOOPBACK.gateways));
  const trunk = fakeTrunk();
  const kamArgs = ['-f', deploy('kamailio/kamailio.cfg'), '-DD', '-E', '-Y', work, '-m', '64', '-M', '8',
    ...edgeDefines({ tlsCfg, dsList })];
  const kam = start('kamailio', 'kamailio', kamArgs);
  await until('TLS on 443', kam, () => tlsHello(LOOPBACK.edge.ip, 443, LOOPBACK.edge.host));
  step('kamailio starts with deploy/kamailio/kamailio.cfg (modules, tls.cfg, dispatcher.list loaded): TLS on 443', true);

  // Origin check
  const evil = await openWs('https://evil.example.org');
  evil.close();
  step('a WebSocket from another origin is refused (403)', evil.status === 403, evil.head);
  const ws = await openWs('https://crm.example.com');
  step('a WebSocket from the CRM origin is accepted (101, subprotocol sip)', ws.status === 101 && /sec-websocket-protocol: sip/i.test(ws.head), ws.head);
  if (ws.status !== 101) throw new Error('no WebSocket: cannot go on');

  // ephemeral auth: challenge, expired credential, fresh credential (from deploy/credentials)
  const callId = `${crypto.randomBytes(8).toString('hex')}@vc1d.invalid`;
  ws.send(invite({ callId, cseq: 1 }));
  const c1 = await ws.next(/^SIP\/2\.0 407/);
  const challenge = header(c1, 'Proxy-Authenticate')[0] || '';
  step(`an INVITE without credentials gets 407 for realm "${LOOPBACK.edge.host}"`, challenge.includes(`realm="${LOOPBACK.edge.host}"`), challenge);
  ws.send(invite({ callId, cseq: 2, auth: digest(challenge, ephemeral(SECRET, 'agent-7', -60)) }));
  const c2 = await ws.next(/^SIP\/2\.0 /);
  step('an expired ephemeral credential is challenged again (407)', /^SIP\/2\.0 407/.test(c2), c2.split('\r\n')[0]);
  ws.send(invite({ callId, cseq: 3, auth: digest(header(c2, 'Proxy-Authenticate')[0] || challenge, ephemeral(SECRET, 'agent-7', 600)) }));
  const ok = await ws.next(/^SIP\/2\.0 (200|[3-6]\d\d)/, 8000);
  const atTrunk = trunk.got.find((m) => m.startsWith('INVITE '));
  step('a fresh credential from deploy/credentials/issue-credentials.mjs is accepted: the INVITE reaches a gateway of dispatcher.list', Boolean(atTrunk), atTrunk || trunk.got.join('\n---\n'));
  if (atTrunk) {
    const sdp = body(atTrunk);
    step('toward the trunk: credentials consumed, two Record-Route (WS and UDP side)', header(atTrunk, 'Proxy-Authorization').length === 0 && header(atTrunk, 'Record-Route').length === 2, atTrunk);
    step('toward the trunk: rtpengine made it RTP/AVP, no ICE, no DTLS, media on the trunk interface',
      /m=audio \d+ RTP\/AVP /.test(sdp) && !/a=ice-|a=candidate|a=fingerprint/.test(sdp) && sdp.includes(`c=IN IP4 ${LOOPBACK.rtpengine['10.0.0.20']}`), sdp);
  }
  step('the browser gets 200 OK', /^SIP\/2\.0 200/.test(ok), ok);
  if (/^SIP\/2\.0 200/.test(ok)) {
    const sdp = body(ok);
    // (rtpengine answers "RTP/SAVPF" + a=fingerprint with these flags, as in the stack, where
    // Chromium and Firefox accept it)
    step('toward the browser: rtpengine answered with ICE, DTLS-SRTP (RTP/SAVPF, fingerprint), rtcp-mux, media on the public interface',
      /m=audio \d+ (UDP\/TLS\/)?RTP\/SAVPF /.test(sdp) && /a=ice-ufrag:/.test(sdp) && /a=fingerprint:/.test(sdp) && /a=rtcp-mux/.test(sdp) &&
      /a=candidate:.* 127\.0\.0\.20 /.test(sdp), sdp);
  }
  ws.close();
  trunk.close();
  for (const d of daemons) step(`${d.name} was still running when the checks ended`, !d.exited, JSON.stringify(d.exited));
  await finish();
} catch (e) {
  await finish(e);
}

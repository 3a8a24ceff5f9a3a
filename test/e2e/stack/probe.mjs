// Readiness probes for stack.sh (loopback only, no deps).
//
//   node probe.mjs free  udp:127.0.0.1:5060 tcp:127.0.0.1:5066 ...
//       exit 1 (and list them) if any of these local ports is already bound in this netns
//   node probe.mjs wait [--timeout MS] NAME:KIND:HOST:PORT[:PID] ...
//       polls all services at once until each answers; prints "NAME ready N ms" (N since
//       env T0_MS) per service; on the first failure prints "FAILED NAME: reason" and exits 1.
//       A service whose PID has died fails at once (no waiting for the timeout).
// KIND: ng       rtpengine ng "ping" -> "pong"
//       sip      SIP OPTIONS over UDP -> any final response (Kamailio, baresip)
//       ws       HTTP upgrade to WebSocket, subprotocol "sip" -> 101 (Kamailio's ws side)
//       udpbound a UDP socket is bound there (sipp: an OPTIONS would be an unexpected
//                message and, for some scenarios, start a bogus call)
//       wss      as ws, over TLS (Kamailio's tls module; the test CA is not checked here)
//       stun     STUN Binding Request over UDP -> Binding Success Response (coturn)
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function boundPorts(proto) {
  // /proc/net/{udp,tcp} of the reading process's network namespace
  const out = new Set();
  for (const f of [`/proc/net/${proto}`, `/proc/net/${proto}6`]) {
    let txt;
    try { txt = fs.readFileSync(f, 'utf8'); } catch { continue; }
    for (const line of txt.split('\n').slice(1)) {
      const c = line.trim().split(/\s+/);
      if (c.length < 4) continue;
      const [hexIp, hexPort] = c[1].split(':');
      // tcp: only LISTEN (0A); udp: any bound socket
      if (proto === 'tcp' && c[3] !== '0A') continue;
      let ip = 'other';
      if (hexIp.length === 8) ip = hexIp.match(/../g).reverse().map((h) => parseInt(h, 16)).join('.');
      out.add(`${ip}:${parseInt(hexPort, 16)}`);
      out.add(`*:${parseInt(hexPort, 16)}`);
    }
  }
  return out;
}

function alive(pid) {
  if (!pid) return true;
  try {
    const st = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return st.slice(st.lastIndexOf(')') + 2, st.lastIndexOf(')') + 3) !== 'Z';
  } catch { return false; }
}

function udpAsk(host, port, payload, accept) {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    const done = (v) => { clearTimeout(timer); try { s.close(); } catch {} resolve(v); };
    const timer = setTimeout(() => done(false), 150);
    s.on('message', (m) => done(accept(m.toString())));
    s.on('error', () => done(false));
    s.bind(0, '127.0.0.1', () => s.send(payload(s.address().port), port, host));
  });
}

function once(kind, host, port) {
  if (kind === 'udpbound') return Promise.resolve(boundPorts('udp').has(`${host}:${port}`));
  if (kind === 'tcp') {
    return new Promise((resolve) => {
      const s = net.connect(port, host, () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
  }
  if (kind === 'stun') {
    return new Promise((resolve) => {
      const s = dgram.createSocket('udp4');
      const txid = crypto.randomBytes(12);
      const req = Buffer.concat([Buffer.from([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]), txid]);
      const done = (v) => { clearTimeout(timer); try { s.close(); } catch {} resolve(v); };
      const timer = setTimeout(() => done(false), 150);
      s.on('message', (m) => done(m.length >= 20 && m.readUInt16BE(0) === 0x0101 && m.subarray(8, 20).equals(txid)));
      s.on('error', () => done(false));
      s.bind(0, '127.0.0.1', () => s.send(req, port, host));
    });
  }
  if (kind === 'ws' || kind === 'wss') {
    return new Promise((resolve) => {
      const connect = kind === 'wss'
        ? (cb) => tls.connect({ port, host, servername: 'localhost', rejectUnauthorized: false }, cb)
        : (cb) => net.connect(port, host, cb);
      const s = connect(() => {
        s.write([`GET / HTTP/1.1`, `Host: ${host}:${port}`, 'Upgrade: websocket', 'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Protocol: sip', 'Origin: http://localhost', '', ''].join('\r\n'));
      });
      let buf = '';
      const t = setTimeout(() => { s.destroy(); resolve(false); }, 500);
      s.on('data', (d) => {
        buf += d;
        if (buf.includes('\r\n')) { clearTimeout(t); s.destroy(); resolve(/^HTTP\/1\.1 101/.test(buf)); }
      });
      s.on('error', () => { clearTimeout(t); resolve(false); });
    });
  }
  if (kind === 'ng') return udpAsk(host, port, () => 'probe1 d7:command4:pinge', (t) => t.includes('pong'));
  if (kind === 'sip') {
    return udpAsk(host, port, (lp) => {
      const tag = Math.random().toString(36).slice(2);
      return [`OPTIONS sip:${host}:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${lp};branch=z9hG4bK${tag};rport`, 'Max-Forwards: 70',
        `From: <sip:probe@127.0.0.1>;tag=${tag}`, `To: <sip:${host}:${port}>`, `Call-ID: ${tag}@probe`,
        'CSeq: 1 OPTIONS', `Contact: <sip:probe@127.0.0.1:${lp}>`, 'Content-Length: 0', '', ''].join('\r\n');
    }, (t) => /^SIP\/2\.0 [2-6]\d\d/.test(t));
  }
  throw new Error(`unknown probe kind ${kind}`);
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'free') {
  const busy = rest.filter((spec) => {
    const [proto, host, port] = spec.split(':');
    const b = boundPorts(proto);
    return b.has(`${host}:${port}`) || b.has(`0.0.0.0:${port}`);
  });
  if (busy.length) { console.log(`ports already in use: ${busy.join(' ')}`); process.exit(1); }
  process.exit(0);
} else if (cmd === 'wait') {
  let timeout = 10000;
  if (rest[0] === '--timeout') { timeout = Number(rest[1]); rest.splice(0, 2); }
  const t0 = Number(process.env.T0_MS ?? Date.now());
  const deadline = Date.now() + timeout;
  const results = await Promise.all(rest.map(async (spec) => {
    const [name, kind, host, port, pid] = spec.split(':');
    while (Date.now() < deadline) {
      if (!alive(pid)) return `FAILED ${name}: process ${pid} exited`;
      if (await once(kind, host, Number(port))) { console.log(`${name} ready ${Date.now() - t0} ms`); return null; }
      await sleep(25);
    }
    return `FAILED ${name}: no answer (${kind} ${host}:${port}) within ${timeout} ms`;
  }));
  const failed = results.filter(Boolean);
  failed.forEach((f) => console.log(f));
  process.exit(failed.length ? 1 : 0);
} else {
  console.error('usage: probe.mjs free SPEC... | wait [--timeout MS] NAME:KIND:HOST:PORT[:PID]...');
  process.exit(2);
}

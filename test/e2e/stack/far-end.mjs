// What the FAR END saw, read from the logs of a stack started with `stack.sh up DIR`.
// ESM, node >= 18, no dependencies. All functions take the stack DIR (the one given to
// `stack.sh up`); they read files only, so they can be called at any time and re-called
// (e.g. inside waitFor) until the expected entry appears.
//
// Sources (DIR/logs/...):
//   sipdump/*.data          every SIP message in/out of Kamailio (sipdump mode 1, text)
//   baresip.log             baresip: "received event: 'X' (end=1)" (RFC 4733),
//                           "call: received DTMF: 'X' (duration=..)" (SIP INFO),
//                           "sndfile: dumping decode audio to <wav>"
//   baresip-audio/*.wav     sndfile: dump-YYYY-MM-DD-HH-MM-SS-{dec,enc}.wav per call
//   rtpengine-dtmf.log      "<epoch ms> <json>" per RFC 4733 event relayed by rtpengine
//   sipp-answer-actions.log "INFO Signal=<d> Call-ID=<id>" per INFO the answer UAS got
import { randomUUID } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';

const SIP_REQ = /^([A-Z]+) (\S+) SIP\/2\.0$/;
const SIP_RES = /^SIP\/2\.0 (\d{3}) ?(.*)$/;
// compact header forms (RFC 3261 7.3.3 and friends)
const COMPACT = { i: 'call-id', f: 'from', t: 'to', v: 'via', m: 'contact', l: 'content-length',
  c: 'content-type', k: 'supported', e: 'content-encoding', s: 'subject', o: 'event' };

const canon = (n) => { const l = n.toLowerCase(); return COMPACT[l] ?? l; };

/** First value of a header (case-insensitive, compact forms understood), or undefined. */
export function header(msg, name) {
  const want = canon(name);
  return msg.headers.find(([n]) => canon(n) === want)?.[1];
}

/** All values of a header, in order (e.g. every Route / Via line). */
export function headers(msg, name) {
  const want = canon(name);
  return msg.headers.filter(([n]) => canon(n) === want).map(([, v]) => v);
}

function parseSip(raw) {
  // raw = start line, headers, empty line, body (CRLF or LF)
  const sep = raw.search(/\r?\n\r?\n/);
  const head = sep < 0 ? raw : raw.slice(0, sep);
  const body = sep < 0 ? '' : raw.slice(sep).replace(/^\r?\n\r?\n/, '');
  const lines = head.split(/\r?\n/);
  const startLine = lines.shift() ?? '';
  const hdrs = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && hdrs.length) { hdrs[hdrs.length - 1][1] += ' ' + line.trim(); continue; }
    const i = line.indexOf(':');
    if (i > 0) hdrs.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  return { startLine, headers: hdrs, body };
}

function sipdumpFiles(dir) {
  const d = path.join(dir, 'logs', 'sipdump');
  let names;
  try { names = fs.readdirSync(d); } catch { return []; }
  // kamailio-sipdump-YYYY-MM-DD--HH-MM-SS.data: the name sorts by time (one file per
  // `rotate` period, 2 h by default, so usually just one)
  return names.filter((n) => n.endsWith('.data')).sort().map((n) => path.join(d, n));
}

/**
 * The complete records of one sipdump file, parsed once: a later call reads only what was
 * appended since (the file only grows; a new file or a shorter one is read from the start).
 * Polling (waitFor) re-reads the dump every 50 ms, and by the end of the e2e suite it holds
 * over a thousand messages: parsing it whole each time kept a core busy beside the audio tests.
 */
const parsed = new Map(); // file -> { ino, pos, messages }

function recordsOf(file) {
  let fd;
  try { fd = fs.openSync(file, 'r'); } catch { return []; }
  try {
    const { ino, size } = fs.fstatSync(fd);
    let entry = parsed.get(file);
    if (!entry || entry.ino !== ino || size < entry.pos) {
      entry = { ino, pos: 0, messages: [] };
      parsed.set(file, entry);
    }
    if (size > entry.pos) {
      const buf = Buffer.alloc(size - entry.pos);
      const got = fs.readSync(fd, buf, 0, buf.length, entry.pos);
      // latin1: one character per byte, so string offsets are byte offsets
      const consumed = parseRecords(buf.toString('latin1', 0, got), entry.messages);
      entry.pos += consumed;
    }
    return entry.messages;
  } finally { fs.closeSync(fd); }
}

/**
 * Parses the complete records in `txt` into `out`; returns how many characters they took
 * (a record still being written is left for the next read).
 */
function parseRecords(txt, out) {
  let pos = 0;
  for (;;) {
    const start = txt.indexOf('====================\n', pos);
    if (start < 0) break;
    const tilde = txt.indexOf('\n~~~~~~~~~~~~~~~~~~~~\n', start);
    if (tilde < 0) break; // record still being written
    const end = txt.indexOf('||||||||||||||||||||', tilde);
    if (end < 0) break;
    pos = end + 20;
    const meta = {};
    for (const l of txt.slice(start + 21, tilde).split('\n')) {
      const i = l.indexOf(': ');
      if (i > 0) meta[l.slice(0, i)] = l.slice(i + 2);
    }
    const raw = txt.slice(tilde + 22, end);
    const p = parseSip(raw);
    const req = SIP_REQ.exec(p.startLine);
    const res = SIP_RES.exec(p.startLine);
    if (!req && !res) continue;
    const cseq = p.headers.find(([n]) => n.toLowerCase() === 'cseq')?.[1] ?? '';
    const msg = {
      direction: meta.tag === 'snd' ? 'out' : 'in',
      time: Math.round(Number(meta.time) * 1000 * 1000) / 1000, // epoch ms (float, us precision)
      src: `${meta.srcip}:${meta.srcport}`,
      dst: `${meta.dstip}:${meta.dstport}`,
      proto: (meta.proto ?? '').split(' ')[0],
      startLine: p.startLine,
      callId: '',
      cseq,
      headers: p.headers,
      body: p.body,
      raw,
    };
    if (req) { msg.method = req[1]; msg.ruri = req[2]; }
    if (res) { msg.status = Number(res[1]); msg.reason = res[2]; msg.method = cseq.split(/\s+/)[1]; }
    msg.callId = header(msg, 'call-id') ?? '';
    out.push(msg);
  }
  return pos;
}

/**
 * Every SIP message Kamailio received ('in') or sent ('out'), oldest first.
 * sipdump mode 1 record format (Kamailio 5.6), one after the other in the .data file:
 *   ====================\n tag: rcv|snd\n pid: ..\n process: ..\n time: <epoch s.us>\n date: ..\n
 *   proto: udp ipv4|tcp ipv4|ws ipv4 ..\n srcip: ..\n srcport: ..\n dstip: ..\n dstport: ..\n
 *   ~~~~~~~~~~~~~~~~~~~~\n <message as on the wire> ||||||||||||||||||||\n
 * Records are written by a timer process shortly (~ms) after the fact, so poll (waitFor).
 * Non-SIP records (the WebSocket HTTP upgrade) are skipped. The message objects are shared
 * between calls (parsed once): read them, don't change them.
 */
export function sipMessages(dir) {
  return allSipMessages(dir).filter((m) => !m.callId.startsWith(BARRIER_PREFIX));
}

const BARRIER_PREFIX = 'vc-dump-barrier-';

/**
 * Waits until the dump holds every message Kamailio handled before this call: it sends Kamailio
 * a marker OPTIONS over UDP (its "rcv" record queues behind everything before it, and one timer
 * process writes the queue in order) and waits for the marker in the dump. Use it before
 * COUNTING messages right after a fast exchange (a REFER refused within milliseconds): on a
 * loaded machine the write timer can run late. The markers never show in sipMessages().
 */
export async function sipDumpCaughtUp(dir, timeoutMs = 5000) {
  const callId = `${BARRIER_PREFIX}${randomUUID()}`;
  const marker = [
    'OPTIONS sip:127.0.0.1 SIP/2.0',
    `Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK${randomUUID().slice(0, 8)}`,
    'Max-Forwards: 70',
    'From: <sip:dump-barrier@127.0.0.1>;tag=barrier',
    'To: <sip:dump-barrier@127.0.0.1>',
    `Call-ID: ${callId}`,
    'CSeq: 1 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  const socket = dgram.createSocket('udp4');
  try {
    await new Promise((resolve, reject) => socket.send(marker, 5060, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
  } finally {
    socket.close();
  }
  await waitFor(() => allSipMessages(dir).some((m) => m.callId === callId), timeoutMs);
}

/** The messages of one Call-ID once the dump has caught up (see sipDumpCaughtUp). */
export async function messagesForCallNow(dir, callId) {
  await sipDumpCaughtUp(dir);
  return messagesForCall(dir, callId);
}

function allSipMessages(dir) {
  const out = [];
  for (const f of sipdumpFiles(dir)) out.push(...recordsOf(f));
  // stable sort by time: several Kamailio processes write into the same queue
  return out.map((m, i) => [m, i]).sort((a, b) => a[0].time - b[0].time || a[1] - b[1]).map(([m]) => m);
}

/** User part of a SIP URI (or of a name-addr), %-unescaped. */
export function uriUser(uri) {
  const m = /^(?:[^<]*<)?\s*(?:sips?|tel):([^@;>]+)@?/i.exec(uri ?? '');
  if (!m) return undefined;
  try { return decodeURIComponent(m[1]); } catch { return m[1]; }
}

const toTag = (msg) => /;\s*tag=/i.test(header(msg, 'to') ?? '');

/**
 * Initial INVITEs Kamailio RECEIVED for `number` (R-URI user, e.g. '+442079460958'), as they
 * came from the caller (headers untouched: From, P-Asserted-Identity, X-*, Route ...).
 * Includes the re-sent INVITE after a 407 (same Call-ID, higher CSeq).
 */
export function invitesTo(dir, number) {
  return sipMessages(dir).filter((m) => m.direction === 'in' && m.method === 'INVITE'
    && m.status === undefined && !toTag(m) && uriUser(m.ruri) === number);
}

/** Every message (in and out) of one Call-ID, in order. */
export function messagesForCall(dir, callId) {
  return sipMessages(dir).filter((m) => m.callId === callId);
}

/**
 * Final response of the call's (last) initial INVITE as sent back to the caller, e.g.
 * { status: 486, reason: 'Busy Here', msg } - or undefined while there is none.
 */
export function finalResponse(dir, callId) {
  const msgs = messagesForCall(dir, callId).filter((m) => m.direction === 'out' && m.status >= 200
    && m.method === 'INVITE');
  const last = msgs.at(-1);
  return last && { status: last.status, reason: last.reason, msg: last };
}

function logPath(dir, name) { return path.join(dir, 'logs', `${name}.log`); }

/** Current size in bytes of DIR/logs/<name>.log (0 if missing): a mark for `since` reads. */
export function logSize(dir, name = 'baresip') {
  try { return fs.statSync(logPath(dir, name)).size; } catch { return 0; }
}

/** Marks for every log the helpers read: pass the matching field back as `since`. */
export function logMarks(dir) {
  return { baresip: logSize(dir, 'baresip'), rtpengineDtmf: logSize(dir, 'rtpengine-dtmf'),
    sippAnswer: logSize(dir, 'sipp-answer-actions') };
}

function readFrom(file, since = 0) {
  let fd;
  try { fd = fs.openSync(file, 'r'); } catch { return { text: '', end: 0 }; }
  try {
    const size = fs.fstatSync(fd).size;
    const from = Math.min(Math.max(0, since), size);
    const buf = Buffer.alloc(size - from);
    fs.readSync(fd, buf, 0, buf.length, from);
    return { text: buf.toString('latin1'), end: size };
  } finally { fs.closeSync(fd); }
}

/**
 * DTMF digits baresip reported, in order, from byte offset `since` of baresip.log.
 * -> { rfc4733: string[], info: string[], offset } (offset = end of what was read).
 * baresip logs no Call-ID here: take a mark (logSize(dir,'baresip')) before the call.
 */
export function baresipDtmf(dir, since = 0) {
  const { text, end } = readFrom(logPath(dir, 'baresip'), since);
  const clean = text.replace(/\x1b\[[0-9;]*m/g, '');
  return {
    rfc4733: [...clean.matchAll(/received event: '(.)' \(end=1\)/g)].map((m) => m[1]),
    info: [...clean.matchAll(/call: received DTMF: '(.)'/g)].map((m) => m[1]),
    offset: end,
  };
}

const DTMF_CODES = '0123456789*#ABCD';

/**
 * RFC 4733 events rtpengine relayed, grouped by Call-ID.
 * -> { [callId]: { caller: string[], bySourceTag: { [tag]: string[] }, events: Array<{ digit,
 *      sourceTag, sourceIp, duration, volume, time }> } }
 * `caller` = digits whose source_tag is the caller's From-tag (taken from the sipdump INVITE;
 * if unknown, the first tag seen). A second tag shows up when the far end sends events back
 * (sipp -rtp_echo echoes the caller's telephone-event packets: same digits, other tag).
 */
export function rtpengineDtmf(dir, since = 0) {
  const { text } = readFrom(logPath(dir, 'rtpengine-dtmf'), since);
  const calls = {};
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp < 0) continue;
    let j;
    try { j = JSON.parse(line.slice(sp + 1)); } catch { continue; }
    if (j.type !== 'DTMF') continue;
    const c = (calls[j.callid] ??= { caller: [], bySourceTag: {}, events: [] });
    const digit = DTMF_CODES[j.event] ?? `?${j.event}`;
    c.events.push({ digit, sourceTag: j.source_tag, sourceIp: j.source_ip, duration: j.duration,
      volume: j.volume, time: Number(line.slice(0, sp)) });
    (c.bySourceTag[j.source_tag] ??= []).push(digit);
  }
  const ids = Object.keys(calls);
  if (ids.length) {
    const fromTags = {};
    for (const m of sipMessages(dir)) {
      if (m.direction === 'in' && m.method === 'INVITE' && m.status === undefined && !fromTags[m.callId]) {
        const t = /;\s*tag=([^;>\s]+)/i.exec(header(m, 'from') ?? '');
        if (t) fromTags[m.callId] = t[1];
      }
    }
    for (const id of ids) {
      const c = calls[id];
      const tag = fromTags[id] && c.bySourceTag[fromTags[id]] ? fromTags[id] : c.events[0].sourceTag;
      c.caller = c.bySourceTag[tag] ?? [];
    }
  }
  return calls;
}

/**
 * INFO dtmf-relay digits the sipp "answer" UAS received (it answers each with 200).
 * -> Array<{ digit, callId }> in order; only that call's when callId is given.
 */
export function sippInfoDigits(dir, callId, since = 0) {
  const { text } = readFrom(logPath(dir, 'sipp-answer-actions'), since);
  const all = [...text.matchAll(/INFO Signal=(\S*) Call-ID=(\S+)/g)]
    .map((m) => ({ digit: m[1].toUpperCase(), callId: m[2] }));
  return callId ? all.filter((d) => d.callId === callId) : all;
}

function localStamp(s) {
  // "2026-11-21-06-09-10": baresip's local time, 1 s resolution
  const [y, mo, d, h, mi, se] = s.split('-').map(Number);
  return new Date(y, mo - 1, d, h, mi, se).getTime();
}

/**
 * baresip's WAV recordings, one entry per call, oldest first (newest last).
 * -> Array<{ dec, enc, stamp, startedAt, mtime, size, callId, overwritten }>
 *   dec:  path of <...>-dec.wav = audio baresip DECODED from the RTP it received = what the
 *         CALLER sent (the browser's microphone). Use this one for mute / audio checks.
 *   enc:  path of <...>-enc.wav = audio baresip ENCODED and sent back (its aubridge echo).
 *   stamp: 'YYYY-MM-DD-HH-MM-SS' from the file name (baresip's local time at media start),
 *   startedAt: the same as epoch ms; mtime: last write (epoch ms); size: dec size in bytes.
 *   callId: the call it belongs to: the n-th recording (order of "dumping decode audio" in
 *         baresip.log) is matched to the first not yet matched 200 OK that baresip sent for an
 *         INVITE (sipdump) within [stamp - 1 s, stamp + 2 s]; undefined if none fits.
 *   overwritten: true if baresip opened this file name for more than one call (two calls
 *         whose media started within the same second share the name: the file is garbage).
 */
export function baresipRecordings(dir) {
  const ad = path.join(dir, 'logs', 'baresip-audio');
  let names;
  try { names = fs.readdirSync(ad); } catch { return []; }
  const { text } = readFrom(logPath(dir, 'baresip'));
  const opened = [...text.matchAll(/dumping decode audio to (\S+)/g)].map((m) => path.basename(m[1]));
  const count = {};
  for (const n of opened) count[n] = (count[n] ?? 0) + 1;
  const order = [...new Set(opened)];
  for (const n of names.filter((x) => x.endsWith('-dec.wav')).sort()) if (!order.includes(n)) order.push(n);
  const answers = sipMessages(dir).filter((m) => m.direction === 'in' && m.status >= 200
    && m.status < 300 && m.method === 'INVITE' && m.src === '127.0.0.1:5090');
  const used = new Set();
  const recs = [];
  for (const n of order) {
    const m = /^dump-(\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d)-dec\.wav$/.exec(n);
    if (!m) continue;
    const dec = path.join(ad, n);
    let st;
    try { st = fs.statSync(dec); } catch { continue; }
    const startedAt = localStamp(m[1]);
    const ans = answers.find((a) => !used.has(a) && a.time >= startedAt - 1000 && a.time < startedAt + 2000);
    if (ans) used.add(ans);
    const enc = path.join(ad, n.replace(/-dec\.wav$/, '-enc.wav'));
    recs.push({ dec, enc: fs.existsSync(enc) ? enc : undefined, stamp: m[1], startedAt,
      mtime: st.mtimeMs, size: st.size, callId: ans?.callId, overwritten: (count[n] ?? 1) > 1 });
  }
  return recs.sort((a, b) => a.startedAt - b.startedAt || a.mtime - b.mtime);
}

/**
 * RMS per window of a 16-bit PCM WAV (chunks parsed, not a fixed 44-byte header; a file
 * still being written, whose data size is 0 or too large, is read to its current end).
 * -> { sampleRate, channels, bitsPerSample, samples, durationMs, windowMs, rms: number[] }
 * rms[i] covers [i*windowMs, (i+1)*windowMs) of the first channel; full scale is 32768.
 * Chromium's fake microphone beeps: loud windows RMS ~ thousands, silence ~ 0.
 */
export function audioWindows(wavPath, windowMs = 100) {
  const buf = fs.readFileSync(wavPath);
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${wavPath}: not a RIFF/WAVE file`);
  }
  let fmt, dataOff = -1, dataLen = 0;
  for (let p = 12; p + 8 <= buf.length;) {
    const id = buf.toString('ascii', p, p + 4);
    const len = buf.readUInt32LE(p + 4);
    if (id === 'fmt ') {
      fmt = { format: buf.readUInt16LE(p + 8), channels: buf.readUInt16LE(p + 10),
        sampleRate: buf.readUInt32LE(p + 12), bitsPerSample: buf.readUInt16LE(p + 22) };
    } else if (id === 'data') {
      dataOff = p + 8;
      dataLen = len === 0 || dataOff + len > buf.length ? buf.length - dataOff : len;
      break;
    }
    p += 8 + len + (len & 1);
  }
  if (!fmt || dataOff < 0) throw new Error(`${wavPath}: no fmt/data chunk`);
  if (fmt.bitsPerSample !== 16 || (fmt.format !== 1 && fmt.format !== 0xfffe)) {
    throw new Error(`${wavPath}: not 16-bit PCM (format ${fmt.format}, ${fmt.bitsPerSample} bits)`);
  }
  const frameBytes = 2 * fmt.channels;
  const frames = Math.floor(dataLen / frameBytes);
  const per = Math.max(1, Math.round((fmt.sampleRate * windowMs) / 1000));
  const rms = [];
  for (let f = 0; f + per <= frames; f += per) {
    let e = 0;
    for (let k = f; k < f + per; k++) {
      const s = buf.readInt16LE(dataOff + k * frameBytes);
      e += s * s;
    }
    rms.push(Math.round(Math.sqrt(e / per)));
  }
  return { sampleRate: fmt.sampleRate, channels: fmt.channels, bitsPerSample: fmt.bitsPerSample,
    samples: frames, durationMs: (frames * 1000) / fmt.sampleRate, windowMs, rms };
}

/**
 * Runs of silent windows in an audioWindows() result: every window RMS < threshold for at
 * least minMs. -> Array<{ startMs, endMs, ms }> in time order. Chromium's fake microphone
 * beeps about twice a second with ~200 ms gaps, so a mute shows up as the one run of about
 * the mute's length (default minMs 500 skips the gaps between beeps).
 * Note the dec WAV starts at baresip's first decoded RTP packet (about when ICE/DTLS is up),
 * not at the 200 OK: align by the silent run, not by absolute times.
 */
export function silences(audio, { threshold = 100, minMs = 500 } = {}) {
  const runs = [];
  let start = -1;
  const w = audio.windowMs;
  audio.rms.forEach((v, i) => {
    if (v < threshold) { if (start < 0) start = i; }
    if ((v >= threshold || i === audio.rms.length - 1) && start >= 0) {
      const end = v < threshold ? i + 1 : i;
      if ((end - start) * w >= minMs) runs.push({ startMs: start * w, endMs: end * w, ms: (end - start) * w });
      start = -1;
    }
  });
  return runs;
}

/**
 * Polls fn (sync or async) every intervalMs until it returns a truthy value, which is
 * returned. Throws after timeoutMs (with the last error fn threw, if any).
 */
export async function waitFor(fn, timeoutMs = 5000, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { lastErr = e; }
    if (Date.now() >= deadline) {
      throw new Error(`waitFor: timed out after ${timeoutMs} ms${lastErr ? `: ${lastErr.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

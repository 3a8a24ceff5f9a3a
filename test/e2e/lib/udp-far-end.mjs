// What a far end written in a few lines of Node needs, for the scenarios sipp cannot play on a
// loaded machine (sipp aborts on any message its script does not expect at that step, and a
// proxy's retransmission or a reordered request can arrive at any step). Exit code 0 means the far
// end saw what it expected; otherwise the error file says what it saw.
import dgram from 'node:dgram';
import fs from 'node:fs';

const PROXY = { address: '127.0.0.1', port: 5060 };

const lines = (text) => text.split('\r\n\r\n')[0].split('\r\n');
/** Every value of one header, in order (no compact forms: Kamailio relays the long ones). */
export const all = (text, name) => lines(text).filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`)).map((line) => line.slice(name.length + 1).trim());
export const one = (text, name) => all(text, name)[0] ?? '';
/** "INVITE", "ACK"… for a request; the status code (a number) for a response. */
export const method = (text) => {
  const start = text.slice(0, text.indexOf('\r\n'));
  const status = /^SIP\/2\.0 (\d{3})/.exec(start)?.[1];
  return status ? Number(status) : start.split(' ')[0];
};

/** An audio answer: PCMU and telephone-event, like the sipp far ends. */
export function audioAnswer(port) {
  return ['v=0', 'o=far 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${port + 2000} RTP/AVP 0 101`,
    'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=sendrecv', ''].join('\r\n');
}

/**
 * A response to `request` (RFC 3261 8.2.6): its Vias, From, Call-ID and CSeq; its To with `tag`.
 * Record-Route is copied on dialog-making responses only (`contact` given).
 */
export function response(request, status, reason, { tag, contact, sdp } = {}) {
  const to = one(request, 'To');
  return [`SIP/2.0 ${status} ${reason}`, ...all(request, 'Via').map((via) => `Via: ${via}`),
    ...(contact ? all(request, 'Record-Route').map((route) => `Record-Route: ${route}`) : []),
    `From: ${one(request, 'From')}`, `To: ${tag && !/;tag=/.test(to) ? `${to};tag=${tag}` : to}`, `Call-ID: ${one(request, 'Call-ID')}`,
    `CSeq: ${one(request, 'CSeq')}`, ...(contact ? [`Contact: <${contact}>`] : []),
    ...(sdp ? ['Content-Type: application/sdp', `Content-Length: ${Buffer.byteLength(sdp)}`, '', sdp] : ['Content-Length: 0', '', ''])].join('\r\n');
}

/**
 * Starts a far end on 127.0.0.1:`port` that hands every datagram to `onMessage(text)`. It fails
 * (exit 1) if `finish` is not called within `deadlineMs`; `retransmit` resends a message every
 * 500 ms (T1, RFC 3261 17.1.2.2) until the returned stop function is called.
 */
export function udpFarEnd({ port, errorFile, messageLog, deadlineMs = 15000, seen, onMessage }) {
  const socket = dgram.createSocket('udp4');
  const timers = new Set();
  let finished = false;
  const log = (direction, text) => fs.appendFileSync(messageLog, `----- ${new Date().toISOString()} ${direction}\n${text}\n`);
  const send = (text) => {
    log('sent', text);
    socket.send(text, PROXY.port, PROXY.address);
  };
  const finish = (code, why) => {
    if (finished) return;
    finished = true;
    if (code !== 0) fs.writeFileSync(errorFile, `${why}\nseen: ${JSON.stringify(seen)}\n`);
    for (const timer of timers) clearInterval(timer);
    socket.close(() => process.exit(code));
  };
  const retransmit = (text) => {
    const timer = setInterval(() => send(text), 500);
    timers.add(timer);
    return () => {
      clearInterval(timer);
      timers.delete(timer);
    };
  };
  socket.on('message', (buffer) => {
    const text = buffer.toString();
    log('received', text);
    onMessage(text);
  });
  socket.bind(port, '127.0.0.1');
  setTimeout(() => finish(1, `not finished within ${deadlineMs} ms`), deadlineMs).unref();
  return { send, finish, retransmit };
}

// A far end that answers and hangs up in the same breath: its 200 OK and its BYE leave back to
// back, in one turn of the event loop. sipp cannot do this on a loaded machine: it can be
// descheduled between the two sends, the caller's ACK then arrives first and sipp aborts the call
// as "unexpected" without ever sending its BYE. Here nothing runs between the two, so the BYE always
// chases the 200 OK (the proxy may even relay it first: RFC 3261 12.2.2 lets the caller accept it).
// A BYE on a confirmed dialog must be answered 2xx (RFC 3261 15.1.2); the ACK may come before or
// after that answer. Exit 0 once the far end has both the ACK and a 200 for its BYE; 1 otherwise
// (any other answer to the BYE, or nothing by the deadline), with what it saw in the error file.
// Usage: node bye-before-ack.mjs <udp port> <error file> <message log>
import dgram from 'node:dgram';
import fs from 'node:fs';

const [port, errorFile, messageLog] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const PROXY = { address: '127.0.0.1', port: 5060 };
const DEADLINE_MS = 15000;
const socket = dgram.createSocket('udp4');
const seen = { ack: false, byeStatus: undefined };
let bye;
let retransmit;
let finished = false;

const log = (direction, text) => fs.appendFileSync(messageLog, `----- ${new Date().toISOString()} ${direction}\n${text}\n`);
const lines = (text) => text.split('\r\n\r\n')[0].split('\r\n');
const all = (text, name) => lines(text).filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`)).map((line) => line.slice(name.length + 1).trim());
const one = (text, name) => all(text, name)[0] ?? '';

function send(text) {
  log('sent', text);
  socket.send(text, PROXY.port, PROXY.address);
}

function finish(code, why) {
  if (finished) return;
  finished = true;
  if (code !== 0) fs.writeFileSync(errorFile, `${why}\nseen: ${JSON.stringify(seen)}\n`);
  clearInterval(retransmit);
  socket.close(() => process.exit(code));
}

function answerAndHangUp(invite) {
  const tag = `${process.pid}FarEnd`;
  const sdp = ['v=0', `o=far 1 1 IN IP4 127.0.0.1`, 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${port + 2000} RTP/AVP 0 101`,
    'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=sendrecv', ''].join('\r\n');
  const ok = ['SIP/2.0 200 OK', ...all(invite, 'Via').map((via) => `Via: ${via}`), ...all(invite, 'Record-Route').map((route) => `Record-Route: ${route}`),
    `From: ${one(invite, 'From')}`, `To: ${one(invite, 'To')};tag=${tag}`, `Call-ID: ${one(invite, 'Call-ID')}`, `CSeq: ${one(invite, 'CSeq')}`,
    `Contact: <sip:far@127.0.0.1:${port};transport=udp>`, 'Content-Type: application/sdp', `Content-Length: ${Buffer.byteLength(sdp)}`, '', sdp].join('\r\n');
  const contact = /<([^>]+)>/.exec(one(invite, 'Contact'))?.[1];
  // The UAS keeps the Record-Route order for its own route set (RFC 3261 12.1.1).
  bye = [`BYE ${contact} SIP/2.0`, `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK-far-bye-${process.pid}`,
    ...all(invite, 'Record-Route').map((route) => `Route: ${route}`), `From: ${one(invite, 'To')};tag=${tag}`, `To: ${one(invite, 'From')}`,
    `Call-ID: ${one(invite, 'Call-ID')}`, 'CSeq: 9 BYE', 'Max-Forwards: 70', 'Content-Length: 0', '', ''].join('\r\n');
  send(ok);
  send(bye);
  // Unreliable transport: the BYE again every 500 ms until it is answered (RFC 3261 17.1.2.2, T1).
  retransmit = setInterval(() => seen.byeStatus === undefined && send(bye), 500);
}

socket.on('message', (buffer) => {
  const text = buffer.toString();
  log('received', text);
  const start = text.slice(0, text.indexOf('\r\n'));
  if (start.startsWith('INVITE ') && !bye) return answerAndHangUp(text);
  if (start.startsWith('ACK ')) seen.ack = true;
  const status = /^SIP\/2\.0 (\d{3})/.exec(start)?.[1];
  if (status && /\bBYE$/i.test(one(text, 'CSeq')) && Number(status) >= 200) {
    seen.byeStatus = Number(status);
    if (seen.byeStatus !== 200) return finish(1, `the BYE was answered ${status}, not 200`);
  }
  if (seen.ack && seen.byeStatus === 200) setTimeout(() => finish(0), 500);
});

socket.bind(port, '127.0.0.1');
setTimeout(() => finish(1, `no ACK and 200 for the BYE within ${DEADLINE_MS} ms`), DEADLINE_MS).unref();

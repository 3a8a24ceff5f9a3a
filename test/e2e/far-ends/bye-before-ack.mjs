// A far end that answers and hangs up in the same breath: its 200 OK and its BYE leave back to
// back, in one turn of the event loop. sipp cannot do this on a loaded machine: it can be
// descheduled between the two sends, the caller's ACK then arrives first and sipp aborts the call
// as "unexpected" without ever sending its BYE. Here nothing runs between the two, so the BYE always
// chases the 200 OK (the proxy may even relay it first: RFC 3261 12.2.2 lets the caller accept it).
// A BYE on a confirmed dialog must be answered 2xx (RFC 3261 15.1.2); the ACK may come before or
// after that answer. Exit 0 once the far end has both the ACK and a 200 for its BYE; 1 otherwise
// (any other answer to the BYE, or nothing by the deadline), with what it saw in the error file.
// Usage: node bye-before-ack.mjs <udp port> <error file> <message log>
import { all, audioAnswer, method, one, response, udpFarEnd } from '../lib/udp-far-end.mjs';

const [port, errorFile, messageLog] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const seen = { ack: false, byeStatus: undefined };
let bye;
let stopByeRetransmission;

const far = udpFarEnd({ port, errorFile, messageLog, seen, onMessage });

function answerAndHangUp(invite) {
  const tag = `${process.pid}FarEnd`;
  const ok = response(invite, 200, 'OK', { tag, contact: `sip:far@127.0.0.1:${port};transport=udp`, sdp: audioAnswer(port) });
  const contact = /<([^>]+)>/.exec(one(invite, 'Contact'))?.[1];
  // The UAS keeps the Record-Route order for its own route set (RFC 3261 12.1.1).
  bye = [`BYE ${contact} SIP/2.0`, `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK-far-bye-${process.pid}`,
    ...all(invite, 'Record-Route').map((route) => `Route: ${route}`), `From: ${one(invite, 'To')};tag=${tag}`, `To: ${one(invite, 'From')}`,
    `Call-ID: ${one(invite, 'Call-ID')}`, 'CSeq: 9 BYE', 'Max-Forwards: 70', 'Content-Length: 0', '', ''].join('\r\n');
  far.send(ok);
  far.send(bye);
  // Unreliable transport: the BYE again until it is answered.
  stopByeRetransmission = far.retransmit(bye);
}

function onMessage(text) {
  const kind = method(text);
  if (kind === 'INVITE' && !bye) return answerAndHangUp(text);
  if (kind === 'ACK') seen.ack = true;
  if (typeof kind === 'number' && kind >= 200 && /\bBYE$/i.test(one(text, 'CSeq'))) {
    seen.byeStatus = kind;
    stopByeRetransmission();
    if (kind !== 200) return far.finish(1, `the BYE was answered ${kind}, not 200`);
  }
  if (seen.ack && seen.byeStatus === 200) setTimeout(() => far.finish(0), 500);
}

// The far end answers just as the caller cancels (RFC 3261 9.1: the 200 OK crosses the CANCEL).
// The CANCEL is answered 200, yet the INVITE gets 200 OK, not 487: the caller must ACK it and hang
// up with a BYE. sipp played this until, on a loaded machine, the proxy's retransmission of the
// CANCEL (sipp answered the first one late) reached it after the BYE, and sipp aborted the call as
// "unexpected". Here every retransmission gets the answer it got before (RFC 3261 17.2).
// Exit 0 once the far end has both the ACK and the BYE; 1 otherwise, with what it saw.
// Usage: node answer-crosses-cancel.mjs <udp port> <error file> <message log>
import { audioAnswer, method, one, response, udpFarEnd } from '../lib/udp-far-end.mjs';

const [port, errorFile, messageLog] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const tag = `${process.pid}FarEnd`;
const contact = `sip:far@127.0.0.1:${port};transport=udp`;
const seen = { cancels: 0, ack: false, bye: false };
let invite;
let ringing;
let answer;
let stopAnswering;

const far = udpFarEnd({ port, errorFile, messageLog, seen, onMessage });

function onMessage(text) {
  const kind = method(text);
  if (kind === 'INVITE') {
    if (!invite) {
      invite = text;
      ringing = response(invite, 180, 'Ringing', { tag, contact });
    }
    // A retransmitted INVITE gets the latest response again.
    return far.send(answer ?? ringing);
  }
  if (!invite || one(text, 'Call-ID') !== one(invite, 'Call-ID')) return;
  if (kind === 'CANCEL') {
    seen.cancels += 1;
    // The CANCEL's answer carries the same To tag as the INVITE's (RFC 3261 9.2).
    far.send(response(text, 200, 'OK', { tag }));
    if (answer) return;
    answer = response(invite, 200, 'OK', { tag, contact, sdp: audioAnswer(port) });
    far.send(answer);
    // Until the ACK comes (RFC 3261 13.3.1.4).
    stopAnswering = far.retransmit(answer);
    return;
  }
  if (kind === 'ACK') {
    if (!answer) return far.finish(1, 'an ACK before the 200 OK was sent');
    seen.ack = true;
    stopAnswering();
  }
  if (kind === 'BYE') {
    seen.bye = true;
    far.send(response(text, 200, 'OK'));
  }
  if (seen.ack && seen.bye) setTimeout(() => far.finish(0), 500);
}

/**
 * A far end that answers and hangs up at once: its BYE can overtake the ACK for its 200 OK.
 * sip.js (0.21, `Session.onByeRequest`) drops a BYE while its session is still Establishing
 * (the 200 arrived, its SDP is being applied, the ACK has not gone yet): the far end never gets
 * its answer and the box would say "Connected" on a call that is over. RFC 3261 15.1.2: a BYE on
 * a confirmed dialog MUST be answered 2xx. This answers it, and the session ends as soon as
 * sip.js has sent its ACK (the 2xx still has to be ACKed) and calls it Established.
 * @internal
 */
import { SessionState, type Core, type Inviter } from 'sip.js';

/** What this needs of sip.js's session beyond its public typings (both are protected there). */
interface SessionInternals {
  onByeRequest(request: Core.IncomingByeRequest): void;
  stateTransition(state: SessionState): void;
}

/**
 * From now on a BYE that reaches `inviter` before its ACK is answered 200 and `arrived` is told;
 * a BYE at any other time is left to sip.js. Call it before the INVITE is sent.
 */
export function answerByeBeforeAck(inviter: Inviter, arrived: () => void): void {
  const session = inviter as unknown as SessionInternals;
  const ownWay = session.onByeRequest.bind(inviter);
  session.onByeRequest = (request) => {
    // Establishing: the 200 OK is being applied. Terminating: the agent hung up as it arrived.
    if (inviter.state !== SessionState.Establishing && inviter.state !== SessionState.Terminating) return ownWay(request);
    request.accept();
    if (inviter.state === SessionState.Establishing) arrived();
  };
}

/**
 * Ends a session whose dialog the far end already ended (its BYE overtook the ACK): no BYE of
 * our own is sent. Called once sip.js has made it Established (it cannot end from Establishing:
 * its ACK is still on its way).
 */
export function endAfterByeBeforeAck(inviter: Inviter): void {
  // Not inside sip.js's own Established announcement: just after it.
  queueMicrotask(() => {
    if (inviter.state === SessionState.Established) (inviter as unknown as SessionInternals).stateTransition(SessionState.Terminated);
  });
}

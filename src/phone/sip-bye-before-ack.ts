/**
 * A far end that answers and hangs up at once: its BYE can overtake the ACK for its 200 OK, or
 * even the 200 OK itself (a proxy whose parallel workers relay the two in the wrong order).
 * - sip.js (0.21, `Session.onByeRequest`) drops a BYE while its session is still Establishing
 *   (the 200 arrived, its SDP is being applied, the ACK has not gone yet): the far end never gets
 *   its answer and the box would say "Connected" on a call that is over. RFC 3261 15.1.2: a BYE on
 *   a confirmed dialog MUST be answered 2xx.
 * - A BYE that arrives before the 200 OK finds no dialog, and sip.js answers it 481: the far end
 *   is gone, and the 200 OK that follows would still make the call "Connected". RFC 3261 12.2.2
 *   lets a UAS accept a request whose To tag it knows; the To tag of this BYE is our INVITE's.
 * Both are answered 200 and the session ends as soon as sip.js has sent its ACK (the 2xx still
 * has to be ACKed) and calls it Established.
 * @internal
 */
import { SessionState, type Core, type Inviter } from 'sip.js';

/** What this needs of sip.js's session beyond its public typings (both are protected there). */
interface SessionInternals {
  onByeRequest(request: Core.IncomingByeRequest): void;
  stateTransition(state: SessionState): void;
}

/** What this needs of sip.js's user agent core beyond its public typings (private there). */
interface CoreInternals {
  receiveInsideDialogRequest(message: Core.IncomingRequestMessage): void;
}

/** Per user agent core: the INVITEs still waiting for their answer (Call-ID + our From tag), and whom to tell of a BYE for one. */
const awaitingAnswer = new WeakMap<Core.UserAgentCore, Map<string, () => void>>();

/** The INVITEs awaiting an answer on `core`; the first call also starts answering their early BYEs. */
function invitesAwaitingAnswer(core: Core.UserAgentCore): Map<string, () => void> {
  const waiting = awaitingAnswer.get(core);
  if (waiting) return waiting;
  const invites = new Map<string, () => void>();
  awaitingAnswer.set(core, invites);
  const internals = core as unknown as CoreInternals;
  const ownWay = internals.receiveInsideDialogRequest.bind(core);
  internals.receiveInsideDialogRequest = (message) => {
    const known = core.dialogs.has(message.callId + message.toTag + message.fromTag);
    const arrived = message.method === 'BYE' && !known ? invites.get(message.callId + message.toTag) : undefined;
    if (!arrived) return ownWay(message);
    core.replyStateless(message, { statusCode: 200 });
    arrived();
  };
  return invites;
}

/**
 * From now on a BYE that reaches `inviter` before its ACK (or before its 200 OK) is answered 200
 * and `arrived` is told; a BYE at any other time is left to sip.js. Call it before the INVITE is sent.
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
  const invites = invitesAwaitingAnswer(inviter.userAgent.userAgentCore);
  const key = inviter.request.callId + inviter.request.fromTag;
  invites.set(key, () => {
    if (inviter.state === SessionState.Establishing) arrived();
  });
  // Once answered (a dialog exists) or over, its BYEs are the dialog's again.
  inviter.stateChange.addListener((state) => {
    if (state === SessionState.Established || state === SessionState.Terminated) invites.delete(key);
  });
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

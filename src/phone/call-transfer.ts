/**
 * A call's transfer (SIP REFER): blind to a number or address checked as `phone.call()` checks
 * it, or attended, joining the far ends of the call and of the agent's connected consult call
 * (REFER with Replaces). Each step is reported; once it went through, the call (and the consult
 * call) end as transferred.
 * @internal
 */
import { PhoneInputError, inputError } from './errors.js';
import type { OutboundSession, TransferTo } from './engine.js';
import { joinedWords, transferredWords } from './transfer-words.js';
import type { TransferError } from './transfer-refer.js';
import type { CallState, CallTarget, TransferSnapshot } from './types.js';

/** What a call needs of its phone to transfer: the same target checks as `phone.call()`, and where refusals are announced. */
export interface TransferChecks {
  checkTarget(to: string): Promise<CallTarget>;
  refused(error: PhoneInputError): void;
}

/** A call as a transfer sees it: the consult call, or the call being transferred. */
export interface TransferParty {
  readonly state: CallState;
  readonly label?: string | undefined;
  readonly target: CallTarget;
  readonly outboundSession: OutboundSession | undefined;
  readonly isFinal: boolean;
  readonly transferring: boolean;
  readonly transferStatus: TransferSnapshot | undefined;
  endAsTransferred(words: string): void;
}

/** How the call being transferred says where its transfer is, and ends once it went through. */
export interface TransferReport {
  step(transfer: TransferSnapshot): void;
  transferred(words: string): void;
}

/** Transfers `call` to `to` (see `Call.transfer`); resolves once it went through, rejects in words otherwise. */
export async function transferCall(call: TransferParty, to: string | TransferParty, checks: TransferChecks | undefined, report: TransferReport): Promise<void> {
  let destination: TransferTo;
  let kind: TransferSnapshot['kind'];
  try {
    checkTransferable(call);
    if (typeof to === 'string') {
      if (!checks) throw inputError('call-not-live', 'transfer', 'This call can not be transferred.');
      const target = await checks.checkTarget(to);
      checkTransferable(call);
      kind = 'blind';
      destination = { uri: target.uri, display: target.display };
    } else {
      const consult = to.outboundSession;
      if (to === call || to.state !== 'connected' || !consult) {
        throw inputError('call-not-live', 'transfer', 'Only a connected consult call can be joined with this call.');
      }
      kind = 'attended';
      destination = { consult, display: to.label ?? to.target.display };
    }
  } catch (error) {
    if (error instanceof PhoneInputError) checks?.refused(error);
    throw error;
  }
  const session = call.outboundSession as OutboundSession;
  if (!session.transfer) throw new Error('This call can not be transferred.');
  const step = (state: TransferSnapshot['state'], failure?: Pick<TransferSnapshot, 'message' | 'reason' | 'sipStatus'>) =>
    report.step({ state, kind, to: destination.display, ...failure });
  step('requested');
  try {
    await session.transfer(destination, () => {
      if (!call.isFinal && call.transferStatus?.state === 'requested') step('accepted');
    });
  } catch (error) {
    if (!call.isFinal) {
      const { message, reason, sipStatus } = error as Partial<TransferError>;
      step('failed', { message: message ?? String(error), reason: reason ?? 'not-sent', ...(sipStatus !== undefined ? { sipStatus } : {}) });
    }
    throw error;
  }
  if (call.isFinal) return;
  step('completed');
  report.transferred(transferredWords(destination.display));
  // The other party is now on their new call: this side leaves the old one (BYE).
  session.hangup();
  if (typeof to !== 'string') to.endAsTransferred(joinedWords(call.label ?? call.target.display));
}

function checkTransferable(call: TransferParty): void {
  if (call.state !== 'connected' || !call.outboundSession) {
    throw inputError('call-not-live', 'transfer', 'Only a connected call can be transferred.');
  }
  if (call.transferring) throw inputError('call-not-live', 'transfer', 'A transfer of this call is already under way.');
}

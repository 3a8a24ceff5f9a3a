/**
 * Attended transfer's first step, and its calling off: the call put on hold and a consult call
 * placed (its target checked as a transfer target is, refusals announced); or the consult call
 * hung up and the original call taken back from hold. The join itself is `call.transfer(consult)`.
 * @internal
 */
import type { Call } from './call.js';
import type { TransferChecks } from './call-transfer.js';
import { PhoneInputError, inputError } from './errors.js';

/** Holds `call` and places the consult call to `to` with `place` (the phone's `call()`). */
export async function placeConsult(call: Call, to: string, checks: TransferChecks, place: () => Promise<Call>): Promise<Call> {
  try {
    if (call.state !== 'connected') throw inputError('call-not-live', 'transfer', 'Only a connected call can be transferred.');
    await checks.checkTarget(to);
  } catch (error) {
    if (error instanceof PhoneInputError) checks.refused(error);
    throw error;
  }
  if (!call.held) await call.hold();
  const consult = await place();
  consult.markConsultFor(call.id);
  return consult;
}

/** Hangs up the consult call and takes its original call (found with `getCall`) back from hold. */
export async function callOffConsult(consult: Call, getCall: (id: string) => Call | undefined): Promise<void> {
  consult.hangup();
  const original = consult.consultFor ? getCall(consult.consultFor) : undefined;
  if (original?.state === 'connected' && original.held) await original.resume();
}

/**
 * Why a transfer failed, in the transfer form's default (English) words; see `transfer-strings.ts`.
 * Picked by the transfer's `reason` code and SIP status (`TransferSnapshot`), never its English message.
 */
export const transferDefaults = {
  // The REFER was refused (reason `refused`, by its status)
  transferRefusedForbidden: 'The other side refused to transfer the call (403 forbidden). The call is still with you.',
  transferNotSupported: 'The other side cannot transfer calls ({status}). The call is still with you.',
  transferNoAnswer: 'The other side did not answer the transfer request in time. The call is still with you.',
  transferCallGone: 'The other side no longer knows this call ({status}), so it could not be transferred.',
  transferDeclined: 'The other side declined the transfer ({status}). The call is still with you.',
  transferRefused: 'The other side refused the transfer ({status}). The call is still with you.',
  // The transferee's new call failed (reason `target-failed`, by the NOTIFY's status)
  transferTargetBusy: 'The transfer to {party} did not go through: the line was busy. The call is still with you.',
  transferTargetNotFound: 'The transfer to {party} did not go through: the number was not reachable. The call is still with you.',
  transferTargetNoAnswer: 'The transfer to {party} did not go through: nobody answered. The call is still with you.',
  transferTargetCancelled: 'The transfer to {party} did not go through: the call was cancelled. The call is still with you.',
  transferTargetDeclined: 'The transfer to {party} did not go through: the call was declined. The call is still with you.',
  transferTargetFailed: 'The transfer to {party} did not go through: it failed ({status}). The call is still with you.',
  // No outcome
  transferUnconfirmed: 'The transfer to {party} was not confirmed in time. The call is still with you.',
  transferUnreported: 'The other side stopped reporting on the transfer to {party} before it went through. The call is still with you.',
  transferNotSent: 'The transfer could not be sent. The call is still with you.',
  // A reason this version does not know
  transferStillWithYou: 'The call is still with you.',
};

/**
 * Why a transfer failed, in the words of the form's language: picked by the transfer's `reason`
 * code and SIP status (`TransferSnapshot`), never from its English `message` (kept for developers).
 */
import { format } from '../../i18n/format.js';
import { transferStrings as strings } from '../../i18n/transfer-strings.js';
import type { TransferSnapshot } from '../../phone/types.js';

type Key = keyof typeof import('../../i18n/transfer-defaults.js').transferDefaults;

function refusedKey(status: number): Key {
  if (status === 403) return 'transferRefusedForbidden';
  if (status === 405 || status === 501) return 'transferNotSupported';
  if (status === 408) return 'transferNoAnswer';
  if (status === 481) return 'transferCallGone';
  if (status === 488 || status === 603) return 'transferDeclined';
  return 'transferRefused';
}

function targetKey(status: number): Key {
  if (status === 486 || status === 600) return 'transferTargetBusy';
  if (status === 404 || status === 484) return 'transferTargetNotFound';
  if (status === 408 || status === 480) return 'transferTargetNoAnswer';
  if (status === 487) return 'transferTargetCancelled';
  if (status === 603) return 'transferTargetDeclined';
  return 'transferTargetFailed';
}

/**
 * The reason's words (what goes into `transferFailed`'s `{reason}`); for a reason this version
 * does not know (another tab's newer code, a custom engine), that the call is still here.
 */
export function transferFailureWords(transfer: TransferSnapshot): string {
  const status = transfer.sipStatus ?? 0;
  const key: Key =
    transfer.reason === 'refused'
      ? refusedKey(status)
      : transfer.reason === 'target-failed'
        ? targetKey(status)
        : transfer.reason === 'unconfirmed'
          ? 'transferUnconfirmed'
          : transfer.reason === 'unreported'
            ? 'transferUnreported'
            : transfer.reason === 'not-sent'
              ? 'transferNotSent'
              : 'transferStillWithYou';
  return format(strings[key], { party: transfer.to, status: String(status) });
}

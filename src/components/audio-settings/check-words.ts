/**
 * A line of the pre-call check in the words of the panel's language: picked by the item's `code`
 * and filled with its `values`, never its English `message`/`fix` (kept for developers and logs).
 * A hand-made item without a code this version knows (a custom engine, a scripted report) is
 * shown as written. Loaded with the first report the panel shows (with the words), not with the panel.
 */
import { checkStrings as strings } from '../../i18n/check-strings.js';
import { format } from '../../i18n/format.js';
import type { checkDefaults } from '../../i18n/check-defaults.js';
import type { CheckCode, CheckItem } from '../../phone/audio-types.js';

type Key = keyof typeof checkDefaults;

/** Each code's words, and what to fix (when there is something to do). */
const CHECK_WORDS: Record<CheckCode, readonly [Key, Key?]> = {
  stopped: ['checkStopped'],
  'microphone-timeout': ['checkMicrophoneTimeout', 'fixMicrophoneTimeout'],
  'microphone-insecure': ['checkMicrophoneInsecure', 'fixMicrophoneInsecure'],
  'microphone-blocked': ['checkMicrophoneBlocked', 'fixMicrophoneBlocked'],
  'microphone-missing': ['checkMicrophoneMissing', 'fixMicrophoneMissing'],
  'microphone-unmeasured': ['checkMicrophoneUnmeasured', 'fixMicrophoneUnmeasured'],
  'microphone-silent': ['checkMicrophoneSilent', 'fixMicrophoneSilent'],
  'microphone-ok': ['checkMicrophoneOk'],
  'speaker-timeout': ['checkSpeakerTimeout', 'fixSpeakerTimeout'],
  'speaker-unsupported': ['checkSpeakerUnsupported', 'fixSpeakerUnsupported'],
  'speaker-blocked': ['checkSpeakerBlocked', 'fixSpeakerBlocked'],
  'speaker-ok': ['checkSpeakerOk', 'fixSpeakerOk'],
  'server-timeout': ['checkServerTimeout', 'fixServerTimeout'],
  'server-invalid': ['checkServerInvalid', 'fixServerInvalid'],
  'server-blocked': ['checkServerBlocked', 'fixServerBlocked'],
  'server-error': ['checkServerError', 'fixServerError'],
  'server-closed': ['checkServerClosed', 'fixServerClosed'],
  'server-unreachable': ['checkServerUnreachable', 'fixServerUnreachable'],
  'server-ok': ['checkServerOk'],
  'network-error': ['checkNetworkError', 'fixNetworkError'],
  'network-relay-only': ['checkNetworkRelayOnly'],
  'network-none': ['checkNetworkNone', 'fixNetworkNone'],
  'network-no-public': ['checkNetworkNoPublic', 'fixNetworkNoPublic'],
  'network-ok': ['checkNetworkOk'],
  'turn-ok': ['checkTurnOk'],
  'turn-none': ['checkTurnNone', 'fixTurnNone'],
};

/** What the line says and what to fix, in the panel's language. */
export function checkItemWords(item: CheckItem): { message: string; fix?: string | undefined } {
  const words = item.code && Object.prototype.hasOwnProperty.call(CHECK_WORDS, item.code) ? CHECK_WORDS[item.code] : undefined;
  if (!words) return { message: item.message, fix: item.fix };
  const values = item.values ?? {};
  // The speaker's line names the device when one was chosen, else the default output.
  const messageKey = item.code === 'speaker-ok' && values.device === undefined ? 'checkSpeakerOkDefault' : words[0];
  const fixKey = words[1];
  return { message: format(strings[messageKey], values), fix: fixKey ? format(strings[fixKey], values) : undefined };
}

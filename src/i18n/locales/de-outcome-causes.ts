/** German (de): the words of the outcomes a cause tells apart (`reason:cause` keys, see `DetailedOutcomeKey`). */
import type { DetailedOutcomeKey } from '../locale-types.js';

const answerUnusable = 'Der Anruf wurde angenommen, aber die Audioverbindung konnte nicht aufgebaut werden.';

export const outcomeCauses: Record<DetailedOutcomeKey, string> = {
  'media-failed:answer-unusable': answerUnusable,
  'media-not-acceptable:audio-removed': 'Die Gegenseite hat den Ton aus dem Anruf entfernt.',
  'no-answer:server-timeout': 'Der SIP-Server hat innerhalb von 32 s nicht auf den Anruf reagiert. Prüfen Sie die Verbindung und rufen Sie erneut an.',
  'reload:tab-closed': 'Der Browser-Tab mit dem Anruf wurde geschlossen oder neu geladen, daher wurde der Anruf beendet.',
};

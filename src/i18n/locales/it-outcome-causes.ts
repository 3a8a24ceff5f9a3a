/** Italian (it): the words of the outcomes a cause tells apart (`reason:cause` keys, see `DetailedOutcomeKey`). */
import type { DetailedOutcomeKey } from '../locale-types.js';

const answerUnusable = 'La chiamata ha avuto risposta, ma non è stato possibile stabilire l’audio.';

export const outcomeCauses: Record<DetailedOutcomeKey, string> = {
  'media-failed:answer-unusable': answerUnusable,
  'media-not-acceptable:audio-removed': 'L’altra parte ha rimosso l’audio dalla chiamata.',
  'no-answer:server-timeout': 'Il server SIP non ha risposto alla chiamata entro 32 s. Controlla la connessione, poi richiama.',
  'reload:tab-closed': 'La scheda del browser che gestiva la chiamata è stata chiusa o ricaricata, quindi la chiamata è terminata.',
};

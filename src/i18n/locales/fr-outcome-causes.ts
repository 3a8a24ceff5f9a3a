/** French (fr): the words of the outcomes a cause tells apart (`reason:cause` keys, see `DetailedOutcomeKey`). */
import type { DetailedOutcomeKey } from '../locale-types.js';

const answerUnusable = 'L’appel a été décroché, mais l’audio n’a pas pu être établi.';

export const outcomeCauses: Record<DetailedOutcomeKey, string> = {
  'media-failed:answer-unusable': answerUnusable,
  'media-not-acceptable:audio-removed': 'Votre correspondant a retiré l’audio de l’appel.',
  'no-answer:server-timeout': 'Le serveur SIP n’a pas répondu à l’appel en 32 s. Vérifiez la connexion, puis rappelez.',
  'reload:tab-closed': 'L’onglet du navigateur où se trouvait l’appel a été fermé ou rechargé, l’appel est donc terminé.',
};

/** Brazilian Portuguese (pt-BR): the words of the outcomes a cause tells apart (`reason:cause` keys, see `DetailedOutcomeKey`). */
import type { DetailedOutcomeKey } from '../locale-types.js';

const answerUnusable = 'A ligação foi atendida, mas não foi possível estabelecer o áudio.';

export const outcomeCauses: Record<DetailedOutcomeKey, string> = {
  'media-failed:answer-unusable': answerUnusable,
  'media-not-acceptable:audio-removed': 'A outra ponta removeu o áudio da ligação.',
  'no-answer:server-timeout': 'O servidor SIP não respondeu à ligação em 32 s. Confira a conexão e ligue de novo.',
  'reload:tab-closed': 'A aba do navegador em que estava a ligação foi fechada ou recarregada, por isso a ligação terminou.',
};

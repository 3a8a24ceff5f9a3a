/** Spanish (es): the words of the outcomes a cause tells apart (`reason:cause` keys, see `DetailedOutcomeKey`). */
import type { DetailedOutcomeKey } from '../locale-types.js';

const answerUnusable = 'La llamada fue contestada, pero no se pudo establecer el audio.';

export const outcomeCauses: Record<DetailedOutcomeKey, string> = {
  'media-failed:answer-unusable': answerUnusable,
  'media-not-acceptable:audio-removed': 'El otro extremo quitó el audio de la llamada.',
  'no-answer:server-timeout': 'El servidor SIP no respondió a la llamada en 32 s. Compruebe la conexión y vuelva a llamar.',
  'reload:tab-closed': 'Se cerró o se recargó la pestaña del navegador que tenía la llamada, así que la llamada terminó.',
};

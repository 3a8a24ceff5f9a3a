/** Arabic (ar): the words of the outcomes a cause tells apart (`reason:cause` keys, see `DetailedOutcomeKey`). */
import type { DetailedOutcomeKey } from '../locale-types.js';

const answerUnusable = 'رُدّ على المكالمة، لكن تعذّر إنشاء الاتصال الصوتي.';

export const outcomeCauses: Record<DetailedOutcomeKey, string> = {
  'media-failed:answer-unusable': answerUnusable,
  'media-not-acceptable:audio-removed': 'أزال الطرف الآخر الصوت من المكالمة.',
  'no-answer:server-timeout': 'لم يردّ خادم SIP على المكالمة خلال ٣٢ ثانية. تحقّق من الاتصال، ثم اتصل مجدداً.',
  'reload:tab-closed': 'أُغلق تبويب المتصفح الذي كانت فيه المكالمة أو أُعيد تحميله، فانتهت المكالمة.',
};

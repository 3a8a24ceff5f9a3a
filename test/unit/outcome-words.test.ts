// How a finished call reads in a locale: `reason:cause` words first, then the reason's, then the
// phone's own (English) message. One lookup for the call box and the history (outcome-words.ts).
import { expect } from '@open-wc/testing';
import { outcomeWords } from '../../src/i18n/outcome-words.js';
import { outcomeText } from '../../src/components/call-box/call-words.js';
import { inScope, type LocaleScope } from '../../src/i18n/locale-scope.js';
import type { LocaleStrings } from '../../src/i18n/locale-types.js';
import { ANSWER_UNUSABLE_WORDS, AUDIO_REMOVED_WORDS } from '../../src/phone/sip-audio-port-zero.js';
import { outcome } from '../../src/phone/sip-errors.js';
import { PhoneStore, memoryStorage } from '../../src/phone/store.js';
import type { CallOutcome } from '../../src/phone/types.js';
import fr from '../../src/i18n/locales/fr.js';

const scope = (table: LocaleStrings): LocaleScope => ({ tag: 'xx', lang: 'xx', table, dir: 'ltr' });
const removed = outcome('remote', 'media-not-acceptable', undefined, AUDIO_REMOVED_WORDS, 'audio-removed');

describe('outcomeWords', () => {
  it('takes the reason:cause words first, then the reason\'s, then the phone\'s own message', () => {
    const both = scope({ outcomes: { 'media-not-acceptable': 'general', 'media-not-acceptable:audio-removed': 'detailed' } });
    expect(inScope(both, () => outcomeWords(removed))).to.equal('detailed');
    expect(inScope(scope({ outcomes: { 'media-not-acceptable': 'general' } }), () => outcomeWords(removed))).to.equal('general', 'a table without the detailed key');
    expect(inScope(scope({}), () => outcomeWords(removed))).to.equal(AUDIO_REMOVED_WORDS, 'a table without either');
    expect(outcomeWords(removed)).to.equal(AUDIO_REMOVED_WORDS, 'English: the phone\'s own words');
  });

  it('an outcome without a cause never takes a detailed key\'s words (nor one whose cause names no key)', () => {
    const general = outcome('remote', 'media-not-acceptable', 488);
    const table = scope({ outcomes: { 'media-not-acceptable': 'general', 'media-not-acceptable:audio-removed': 'detailed' } });
    expect(inScope(table, () => outcomeWords(general))).to.equal('general');
    const unknown = { ...removed, cause: 'from-a-later-version' } as unknown as CallOutcome;
    expect(inScope(table, () => outcomeWords(unknown))).to.equal('general');
  });

  it('French tells the media-not-acceptable ends, the media-failed ones and the two no-answers apart, and the box uses the same lookup', () => {
    const inFrench = (o: CallOutcome) => inScope(scope(fr), () => outcomeWords(o));
    const declined = inFrench(outcome('remote', 'media-not-acceptable', 488));
    const audioRemoved = inFrench(removed);
    const unusable = inFrench(outcome('system', 'media-failed', undefined, ANSWER_UNUSABLE_WORDS, 'answer-unusable'));
    expect(declined).to.equal('Le correspondant n’accepte pas le format audio.');
    expect(audioRemoved).to.equal('Votre correspondant a retiré l’audio de l’appel.');
    expect(unusable).to.equal('L’appel a été décroché, mais l’audio n’a pas pu être établi.');
    // A cause only words the pair it is listed with: the reason's words otherwise.
    expect(inFrench(outcome('remote', 'media-not-acceptable', undefined, ANSWER_UNUSABLE_WORDS, 'answer-unusable'))).to.equal(declined);
    expect(inFrench(outcome('system', 'media-failed'))).to.equal('La connexion audio a été perdue.');
    expect(inFrench(outcome('system', 'no-answer', undefined, 'The SIP server did not answer…', 'server-timeout'))).to.match(/^Le serveur SIP n’a pas répondu/);
    expect(inFrench(outcome('remote', 'no-answer', 408))).to.equal('Pas de réponse.');
    expect(inScope(scope(fr), () => outcomeText(removed))).to.equal(audioRemoved);
  });
});

describe('CallOutcome.cause', () => {
  it('is set only when given, and kept by the stored calls; an old stored outcome without it still loads', () => {
    expect(outcome('remote', 'busy', 486)).not.to.have.property('cause');
    expect(removed).to.deep.equal({ endedBy: 'remote', reason: 'media-not-acceptable', message: AUDIO_REMOVED_WORDS, cause: 'audio-removed' });
    const storage = memoryStorage();
    const target = { kind: 'number' as const, display: '+44 20 7946 0958', uri: 'sip:+442079460958@x' };
    const base = { target, state: 'ended' as const, muted: false, startedAt: 1, durationMs: 0 };
    const calls = [
      { ...base, id: 'new', outcome: removed },
      { ...base, id: 'old', outcome: { endedBy: 'remote' as const, reason: 'media-not-acceptable' as const, message: 'An old one.' } },
    ];
    new PhoneStore('words', storage).save({ calls, prefs: { confirmClose: true }, outbox: [] });
    expect(new PhoneStore('words', storage).load().calls).to.deep.equal(calls);
    const raw = JSON.parse(storage.getItem('vc-phone:v1:words')!);
    raw.calls[0].outcome.cause = 42;
    storage.setItem('vc-phone:v1:words', JSON.stringify(raw));
    expect(new PhoneStore('words', storage).load().calls.map((call) => call.id)).to.deep.equal(['old'], 'a cause that is not text: that call is dropped, as any malformed one');
  });
});

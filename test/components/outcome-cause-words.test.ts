// A call that ends in a situation its reason alone does not tell apart (`CallOutcome.cause`) reads
// in the locale's own words for that situation, in the call box and in the history, not in the
// reason's general words ("the far end does not accept the audio format").
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/call-box/vc-call-box.js';
import '../../src/components/call-history/vc-call-history.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import type { VcCallHistory } from '../../src/components/call-history/call-history.js';
import type { DetailedOutcomeKey } from '../../src/i18n/locale-types.js';
import { ANSWER_UNUSABLE_WORDS, AUDIO_REMOVED_WORDS } from '../../src/phone/sip-audio-port-zero.js';
import { restoreCalls } from '../../src/phone/restored-calls.js';
import { LEADER_CLOSED } from '../../src/phone/tabs/tab-protocol.js';
import type { CallOutcome } from '../../src/phone/types.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { LOCALE_TABLES, settled, textOf, until } from './helpers.js';

async function endedBox(lang: string, end: 'removeAudio' | 'answerWithoutAudio') {
  const phone = new FakePhone();
  const outcomes: CallOutcome[] = [];
  phone.addEventListener('vc-call-ended', (event) => outcomes.push(event.detail.outcome));
  phone.addEventListener('vc-call-failed', (event) => outcomes.push(event.detail.outcome));
  const call = await phone.callInState(end === 'removeAudio' ? 'connected' : 'ringing');
  const box = await fixture<VcCallBox>(html`<vc-call-box lang=${lang} silent .call=${call} .phone=${phone}></vc-call-box>`);
  await settled(box);
  phone.far(call)[end]();
  await settle();
  await until(() => call.isFinal, 'the end');
  await settled(box);
  return { phone, call, box, outcomes };
}

describe('words for an end that its cause tells apart', () => {
  it('a French box whose far end removed the audio says so, in French (not "does not accept the audio format"), and the event carries the cause', async () => {
    const fr = (await LOCALE_TABLES.fr()).default.outcomes!;
    const { call, box, outcomes } = await endedBox('fr', 'removeAudio');
    expect(call.outcome).to.deep.include({ reason: 'media-not-acceptable', cause: 'audio-removed', message: AUDIO_REMOVED_WORDS });
    expect(outcomes.map((o) => o.cause)).to.deep.equal(['audio-removed'], 'vc-call-ended detail');
    await until(() => textOf(box).includes(fr['media-not-acceptable:audio-removed']!), 'the French words for it');
    expect(textOf(box)).not.to.contain(fr['media-not-acceptable']);
    expect(textOf(box)).not.to.contain(AUDIO_REMOVED_WORDS);
    await expect(box).to.be.accessible();
  });

  it('a French box of a live call whose tab closed (as another tab takes over) says so, not "the page was reloaded"', async () => {
    const fr = (await LOCALE_TABLES.fr()).default.outcomes!;
    const phone = new FakePhone();
    const live = await phone.callInState('connected');
    const [call] = restoreCalls([live.toJSON()], { maxFinished: 10, savedAt: Date.now(), cut: LEADER_CLOSED }).calls;
    expect(call.outcome).to.deep.include({ reason: 'reload', cause: 'tab-closed', message: LEADER_CLOSED.message });
    const box = await fixture<VcCallBox>(html`<vc-call-box lang="fr" silent .call=${call} .phone=${phone}></vc-call-box>`);
    await until(() => textOf(box).includes(fr['reload:tab-closed']!), 'the French words for it');
    expect(textOf(box)).not.to.contain(fr.reload);
    await expect(box).to.be.accessible();
  });

  for (const [tag, load] of Object.entries(LOCALE_TABLES)) {
    it(`${tag}: an answer without usable audio reads as such in the box and in the history, not as "the audio connection was lost"`, async () => {
      const words = (await load()).default.outcomes!;
      const key: DetailedOutcomeKey = 'media-failed:answer-unusable';
      const { phone, call, box } = await endedBox(tag, 'answerWithoutAudio');
      expect(call.state).to.equal('failed');
      expect(call.outcome).to.deep.include({ reason: 'media-failed', cause: 'answer-unusable', message: ANSWER_UNUSABLE_WORDS });
      await until(() => textOf(box).includes(words[key]!), `the ${tag} words in the box`);
      expect(textOf(box)).not.to.contain(words['media-failed']);
      await until(() => phone.history.length === 1, 'the call in the history');
      const history = await fixture<VcCallHistory>(html`<vc-call-history lang=${tag} .phone=${phone}></vc-call-history>`);
      await until(() => textOf(history.shadowRoot!.querySelector('[part="details"]')).includes(words[key]!), `the ${tag} words in the history`);
      expect(textOf(history.shadowRoot!.querySelector('[part="details"]'))).not.to.contain(words['media-failed']);
    });
  }
});

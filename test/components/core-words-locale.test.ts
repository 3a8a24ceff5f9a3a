// What the phone core writes in English (a pre-call check's lines, a failed transfer's reason, a
// refused merge, how a history call ended) is said in the page's language: the elements pick the
// words by the core's code, never print its English message.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/audio-settings/vc-audio-settings.js';
import '../../src/components/call-box/vc-call-box.js';
import '../../src/components/call-history/vc-call-history.js';
import '../../src/components/transfer/vc-transfer.js';
import type { VcAudioSettings } from '../../src/components/audio-settings/audio-settings.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import type { VcCallHistory } from '../../src/components/call-history/call-history.js';
import type { LocaleStrings } from '../../src/i18n/locale-types.js';
import type { CheckReport } from '../../src/phone/audio-types.js';
import { inputError } from '../../src/phone/errors.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { twoConnectedBoxes } from './call-box-fixtures.js';
import { LOCALE_TABLES, getByRole, queryByRole, settled, textOf, until, mouseClick } from './helpers.js';

type Table = LocaleStrings & Record<string, string>;
/** French, and Arabic for a right-to-left page. */
const LANGS = ['fr', 'ar'];

/** `format()` as an RTL page writes it: each value isolated (U+2068...U+2069). */
function fill(lang: string, words: string | undefined, values: Record<string, string> = {}): string {
  expect(words, 'a translation').to.be.a('string').and.not.equal('');
  const rtl = lang === 'ar';
  return words!.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : rtl ? `\u2068${values[name]}\u2069` : values[name]));
}

async function tableOf(lang: string): Promise<Table> {
  return (await LOCALE_TABLES[lang]()).default as Table;
}

/** What the real check (pre-call-check.ts) reports: codes, values and its English words. */
const REPORT: CheckReport = {
  status: 'fail',
  startedAt: 0,
  endedAt: 1,
  items: [
    {
      id: 'microphone',
      status: 'warn',
      code: 'microphone-silent',
      values: { device: 'Jabra' },
      message: '"Jabra" is allowed, but nothing was heard from it.',
      fix: 'Speak while testing; check the microphone is not muted (a switch on the headset or in the system) or choose another one.',
    },
    { id: 'speaker', status: 'pass', code: 'speaker-ok', message: 'A test tone played on the default output.', fix: 'Did not hear it? Check the volume, or choose another speaker.' },
    {
      id: 'server',
      status: 'fail',
      code: 'server-unreachable',
      values: { host: 'sip.example.invalid' },
      message: 'The SIP server sip.example.invalid could not be reached.',
      fix: 'Check the server address and port, the network, and that no firewall, proxy or Content-Security-Policy blocks WebSockets to it.',
    },
    { id: 'network', status: 'pass', code: 'network-ok', values: { local: '2', public: '1', relayed: '0' }, message: 'Network paths for audio found (2 local, 1 public).' },
    {
      id: 'turn',
      status: 'warn',
      code: 'turn-none',
      values: { server: 'turn:turn.example.invalid:3478' },
      message: 'The TURN server (turn:turn.example.invalid:3478) gave no relay address: it is unreachable, or it refused the credentials.',
      fix: 'Check the TURN address and port, that the network allows it, and that its credentials are current.',
    },
  ],
};
const ENGLISH = /\b(the|is|was|could|Check|allowed|found|server answered)\b/;

for (const lang of LANGS) {
  describe(`core words in ${lang}`, () => {
    it(`the pre-call check's lines and fixes are in ${lang}, not the check's English`, async () => {
      const t = await tableOf(lang);
      const phone = new FakePhone();
      phone.checkReport = REPORT;
      const el = await fixture<VcAudioSettings>(html`<vc-audio-settings lang=${lang} .phone=${phone}></vc-audio-settings>`);
      await until(() => !!queryByRole(el, 'button', t.testAudio!), `the panel in ${lang}`);
      await mouseClick(getByRole(el, 'button', t.testAudio!));
      await until(() => el.shadowRoot!.querySelectorAll('[part="check-report"] li').length === REPORT.items.length, 'the report');
      await settled(el);
      const shown = textOf(el.shadowRoot!.querySelector('[part="check-report"]'));
      for (const item of REPORT.items) {
        expect(shown).not.to.contain(item.message);
        if (item.fix) expect(shown).not.to.contain(item.fix);
      }
      expect(shown).not.to.match(ENGLISH);
      const lines = [...el.shadowRoot!.querySelectorAll('[part="check-report"] li')].map(textOf);
      expect(lines).to.deep.equal([
        `${t.itemWarn}: ${t.itemMicrophone}. ${fill(lang, t.checkMicrophoneSilent, { device: 'Jabra' })} ${t.fixMicrophoneSilent}`,
        `${t.itemPass}: ${t.itemSpeaker}. ${t.checkSpeakerOkDefault} ${t.fixSpeakerOk}`,
        `${t.itemFail}: ${t.itemServer}. ${fill(lang, t.checkServerUnreachable, { host: 'sip.example.invalid' })} ${t.fixServerUnreachable}`,
        `${t.itemPass}: ${t.itemNetwork}. ${fill(lang, t.checkNetworkOk, { local: '2', public: '1', relayed: '0' })}`,
        `${t.itemWarn}: ${t.itemTurn}. ${fill(lang, t.checkTurnNone, { server: 'turn:turn.example.invalid:3478' })} ${t.fixTurnNone}`,
      ]);
      await expect(el).to.be.accessible();
    });

    async function transferFails(script: number | { notify: number }) {
      const t = await tableOf(lang);
      const phone = new FakePhone();
      const call = await phone.callInState('connected');
      const el = await fixture<VcCallBox>(html`<vc-call-box lang=${lang} silent .phone=${phone} .call=${call}></vc-call-box>`);
      const form = () => el.shadowRoot!.querySelector('vc-transfer')!;
      await until(() => !!form() && !!queryByRole(form(), 'button', t.transfer!), `the transfer form in ${lang}`);
      phone.far(call).transferScript = script;
      await mouseClick(getByRole(form(), 'button', t.transfer!));
      await settled(el);
      getByRole(form(), 'textbox', t.transferTo!).focus();
      await sendKeys({ type: '+14155550132' });
      await settled(el);
      await mouseClick(getByRole(form(), 'button', t.transferNow!));
      await until(() => call.transferStatus?.state === 'failed', 'the transfer failed');
      await settled(el);
      const problem = textOf(form().shadowRoot!.querySelector('[part="problem"]'));
      // Nowhere in the form (nor under its field) the phone's English sentence.
      expect(textOf(form().shadowRoot!.querySelector('[part="base"]'))).not.to.contain(call.transferStatus!.message!);
      return { t, problem, call, el };
    }

    it(`a refused transfer says why in ${lang} (by its reason and SIP status), not the phone's English`, async () => {
      const { t, problem, call, el } = await transferFails(403);
      expect(problem).not.to.contain(call.transferStatus!.message!);
      expect(problem).not.to.match(/other side|still with you/);
      expect(call.transferStatus).to.deep.include({ reason: 'refused', sipStatus: 403 });
      expect(problem).to.equal(fill(lang, t.transferFailed, { reason: t.transferRefusedForbidden! }));
      expect(call.state).to.equal('connected');
      await expect(el).to.be.accessible();
    });

    it(`a transfer whose new call was busy says so in ${lang}, naming the target`, async () => {
      const { t, problem, call } = await transferFails({ notify: 486 });
      expect(problem).not.to.contain(call.transferStatus!.message!);
      expect(problem).not.to.match(/did not go through|busy/);
      expect(call.transferStatus).to.deep.include({ reason: 'target-failed', sipStatus: 486 });
      const reason = fill(lang, t.transferTargetBusy, { party: '+1 415 555 0132' });
      expect(problem).to.equal(fill(lang, t.transferFailed, { reason }));
    });

    it(`a refused merge says why in ${lang}; the phone's English stays in the tooltip only`, async () => {
      const t = await tableOf(lang);
      const { phone, alice, bob, aliceBox: box } = await twoConnectedBoxes(lang);
      const mergeName = fill(lang, t.mergeWith, { party: 'Bob Chen' });
      await until(() => !!queryByRole(box, 'button', mergeName), `Merge in ${lang}`);
      const english = 'Both calls need their audio connected before they can be merged.';
      phone.far(alice).refuseNextMerge = english;
      await mouseClick(getByRole(box, 'button', mergeName));
      const problem = () => box.shadowRoot!.querySelector('[part="merge-problem"]');
      await until(() => textOf(problem()) !== '', 'the refusal shown');
      expect(textOf(problem())).not.to.contain(english);
      expect(textOf(problem())).to.equal(t.mergeFailed);
      expect(problem()!.getAttribute('title')).to.contain(english);
      // The boxes' entry fade (vc-enter) has ended: axe reads the colours as shown.
      await Promise.all(box.shadowRoot!.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished));
      await expect(box).to.be.accessible();
      // Refused before anything is tried: a call merged already.
      await phone.merge(alice, bob).catch(() => undefined);
      await phone.split(alice);
      const error = await phone.split(alice).catch((e: unknown) => e as { problem?: string; message: string });
      expect(error).to.deep.include({ problem: 'not-merged', message: 'This call is not merged with another.' });
    });

    it(`a hold the phone could not send, or refused input, is said in ${lang}, not the phone's English`, async () => {
      const t = await tableOf(lang);
      const phone = new FakePhone();
      const call = await phone.callInState('connected');
      const el = await fixture<VcCallBox>(html`<vc-call-box lang=${lang} silent .phone=${phone} .call=${call}></vc-call-box>`);
      await until(() => !!queryByRole(el, 'button', t.hold!), `Hold in ${lang}`);
      const problem = () => textOf(el.shadowRoot!.querySelector('[part="hold-problem"]'));
      // What sip-hold.ts rejects with when the re-INVITE could not be sent, and what call-hold.ts refuses.
      const sendFailure = Object.assign(new Error('The phone could not put the call on hold: transport closed'), { held: true });
      const notLive = inputError('call-not-live', 'hold', 'Only a connected call can be put on hold or taken back.');
      for (const [error, words] of [
        [sendFailure, t.holdRefusedHold],
        [notLive, t.holdNotConnected],
      ] as const) {
        call.hold = () => Promise.reject(error);
        await mouseClick(getByRole(el, 'button', t.hold!));
        await until(() => problem() === words || problem().includes(error.message), 'the refusal shown');
        expect(problem()).not.to.contain(error.message);
        expect(problem()).to.equal(words);
      }
    });

    it(`the history says how an unanswered call ended in ${lang}, like the call box`, async () => {
      const t = await tableOf(lang);
      const phone = new FakePhone();
      const call = await phone.callInState('failed', '+44 20 7946 0958', 486);
      await until(() => phone.history.length === 1, 'the call in the history');
      const el = await fixture<VcCallHistory>(html`<vc-call-history lang=${lang} .phone=${phone}></vc-call-history>`);
      await until(() => textOf(el).includes(t.clearHistory!), `the history in ${lang}`);
      const details = textOf(el.shadowRoot!.querySelector('[part="details"]'));
      expect(details).not.to.contain(call.outcome!.message);
      expect(details).to.contain(t.outcomes!.busy);
      await expect(el).to.be.accessible();
    });
  });
}

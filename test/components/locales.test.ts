import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/place-call/vc-place-call.js';
import '../../src/components/call-box/vc-call-box.js';
import '../../src/components/call-list/vc-call-list.js';
import '../../src/components/phone/vc-phone.js';
// The transfer form, which the box otherwise loads on first use (test/components/lazy-transfer.test.ts).
import '../../src/components/transfer/vc-transfer.js';
import type { VcCallBox } from '../../src/components/call-box/call-box.js';
import type { VcCallList } from '../../src/components/call-list/call-list.js';
import type { VcPlaceCall } from '../../src/components/place-call/place-call.js';
import type { VcPhone } from '../../src/components/phone/phone-element.js';
import { defaultStrings } from '../../src/i18n/strings.js';
import { registerLocale, SHIPPED_LOCALES } from '../../src/i18n/locales.js';
import type { DetailedOutcomeKey, LocaleStrings } from '../../src/i18n/locale-types.js';
import type { InputErrorCode } from '../../src/phone/errors.js';
import type { CallEndReason } from '../../src/phone/types.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';
import { deepActiveElement, deepQueryAll, getByRole, settled, textOf, until, LOCALE_TABLES } from './helpers.js';

/** Every reason and code a locale must put in words (typecheck fails here when one is added and not listed). */
const REASONS: Record<CallEndReason, true> = {
  hangup: true, cancelled: true, busy: true, declined: true, 'not-found': true, 'no-answer': true, unavailable: true, 'auth-failed': true,
  'media-not-acceptable': true, 'server-error': true, rejected: true, 'connection-lost': true, 'media-failed': true, 'microphone-denied': true,
  'no-microphone': true, 'insecure-context': true, reload: true, transferred: true, error: true,
};
/** Every `reason:cause` a locale must put in words too (its general words would mislead the agent). */
const DETAILED: Record<DetailedOutcomeKey, true> = {
  'media-failed:answer-unusable': true, 'media-not-acceptable:audio-removed': true, 'no-answer:server-timeout': true, 'reload:tab-closed': true,
};
/**
 * Codes whose words are still English in every locale (the phone's own message shows), e.g. just
 * merged from another branch. `refused-by-policy` stays so for good: its words are the CRM's own.
 */
type AwaitingCodes = 'refused-by-policy';
const CODES: Record<Exclude<InputErrorCode, AwaitingCodes>, true> = {
  empty: true, 'too-long': true, 'control-characters': true, letters: true, 'invalid-characters': true, 'national-format': true,
  'unknown-country': true, 'too-short': true, 'too-long-number': true, 'invalid-number': true, 'unsupported-scheme': true,
  'invalid-sip-uri': true, 'invalid-tel-uri': true, 'tel-extension': true, 'tel-parameter': true, 'invalid-header-name': true, 'invalid-header-value': true, 'forbidden-header': true,
  'invalid-route': true, 'invalid-identity': true, 'invalid-dtmf': true, 'insecure-server': true, 'invalid-server': true,
  'missing-config': true, 'invalid-config': true, disabled: true, 'call-not-live': true, 'wrong-type': true, 'headers-too-large': true,
  'unknown-device': true, 'not-supported': true, 'call-request-cancelled': true, 'from-not-allowed': true, 'invalid-disposition': true,
  'already-wrapped-up': true,
};

const shipped = LOCALE_TABLES;

/**
 * English keys whose translations are still to come (e.g. just merged from another branch): they
 * show in English in every shipped locale meanwhile. Keep it short; a key listed here that every
 * locale has translated fails the test (take it off the list).
 */
const AWAITING_TRANSLATION: string[] = [];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** The page's own language, put back after each test. */
const html0 = { lang: document.documentElement.getAttribute('lang'), dir: document.documentElement.getAttribute('dir') };
function restorePage() {
  for (const [name, value] of Object.entries(html0)) {
    if (value === null) document.documentElement.removeAttribute(name);
    else document.documentElement.setAttribute(name, value);
  }
}

async function placeCall(template = html`<vc-place-call></vc-place-call>`) {
  const phone = new FakePhone();
  const wrapper = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const el = wrapper.querySelector('vc-place-call') as VcPlaceCall;
  el.phone = phone;
  await settled(el);
  return { el, phone, wrapper };
}
const toggleName = (el: VcPlaceCall) => textOf(el.shadowRoot!.querySelector('.toggle'));

async function connectedBox(wrapperAttrs: { lang?: string; dir?: string }) {
  const phone = new FakePhone();
  const call = await phone.callInState('connected', '+44 20 7946 0958');
  call.setColor('green');
  await settle();
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${wrapperAttrs.lang ?? ''} dir=${wrapperAttrs.dir ?? 'auto'} style="width: 420px"><vc-call-box silent .call=${call} .phone=${phone}></vc-call-box></div>`,
  );
  if (!wrapperAttrs.lang) wrapper.removeAttribute('lang');
  if (!wrapperAttrs.dir) wrapper.removeAttribute('dir');
  const el = wrapper.querySelector('vc-call-box') as VcCallBox;
  await settled(el);
  return { el, call, phone };
}

describe('locales', () => {
  afterEach(restorePage);

  it('every shipped locale puts every key, outcome and input error in words, with the same placeholders as English', async () => {
    const english = defaultStrings as Record<string, string>;
    const problems: string[] = [];
    expect([...SHIPPED_LOCALES]).to.deep.equal(['en', ...Object.keys(shipped)]);
    for (const [tag, load] of Object.entries(shipped)) {
      const table = (await load()).default as Record<string, unknown> & LocaleStrings;
      for (const key of Object.keys(english)) {
        const words = table[key];
        if (AWAITING_TRANSLATION.includes(key)) continue;
        if (typeof words !== 'string' || !words.trim()) problems.push(`${tag}: missing ${key}`);
        else if (placeholders(words).join() !== placeholders(english[key]).join()) problems.push(`${tag}: ${key} has {${placeholders(words).join()}}, English {${placeholders(english[key]).join()}}`);
      }
      for (const key of Object.keys(table)) if (!(key in english) && key !== 'outcomes' && key !== 'inputErrors') problems.push(`${tag}: unknown key ${key}`);
      for (const reason of Object.keys(REASONS)) if (!table.outcomes?.[reason as CallEndReason]?.trim()) problems.push(`${tag}: missing outcomes.${reason}`);
      for (const key of Object.keys(DETAILED)) if (!table.outcomes?.[key as DetailedOutcomeKey]?.trim()) problems.push(`${tag}: missing outcomes['${key}']`);
      for (const code of Object.keys(CODES)) if (!table.inputErrors?.[code as InputErrorCode]?.trim()) problems.push(`${tag}: missing inputErrors.${code}`);
    }
    for (const key of AWAITING_TRANSLATION) {
      const tables = await Promise.all(Object.values(shipped).map(async (load) => (await load()).default as Record<string, unknown>));
      if (tables.every((table) => typeof table[key] === 'string')) problems.push(`${key} is translated everywhere: take it off AWAITING_TRANSLATION`);
    }
    expect(problems, 'add the words to src/i18n/locales/<tag>.ts').to.deep.equal([]);
  });

  it('takes French from <html lang="fr">, in the first render (no English flash)', async () => {
    document.documentElement.lang = 'fr';
    const { el } = await placeCall();
    // fixture() resolved on the first update: it is French already.
    expect(toggleName(el)).to.equal('Passer un appel');
    expect(el.resolvedLocale).to.deep.include({ tag: 'fr', lang: 'fr', dir: 'ltr' });
    await expect(el).to.be.accessible();
  });

  it('gives an example number of the page’s own country', async () => {
    const example = async (lang: string) => {
      const { el } = await placeCall(html`<vc-place-call lang=${lang}></vc-place-call>`);
      await el.openField();
      return el.shadowRoot!.querySelector('input')!.placeholder;
    };
    expect(await example('en-US')).to.equal('+1 415 555 0132');
    expect(await example('en-GB')).to.equal('+44 20 7946 0958');
    expect(await example('de-AT')).to.equal('+49 30 12345678');
    expect(await example('pt-BR')).to.equal('+55 11 91234 5678');
  });

  it('takes German from its own lang, over the page’s', async () => {
    document.documentElement.lang = 'fr';
    const { el } = await placeCall(html`<vc-place-call lang="de"></vc-place-call>`);
    expect(toggleName(el)).to.equal('Neuer Anruf');
  });

  it('the locale property wins over lang attributes, for the element and what it contains', async () => {
    document.documentElement.lang = 'fr';
    const { el } = await placeCall(html`<vc-place-call lang="de"></vc-place-call>`);
    el.locale = 'es';
    await until(() => toggleName(el) === 'Realizar llamada', 'Spanish from the property');
    el.locale = undefined;
    await until(() => toggleName(el) === 'Neuer Anruf', 'back to its own lang');
    // <vc-phone>'s property reaches the elements in its shadow root.
    const phone = new FakePhone();
    const drop = await fixture<VcPhone>(html`<vc-phone silent .phone=${phone}></vc-phone>`);
    await settled(drop);
    const inner = () => toggleName(drop.shadowRoot!.querySelector('vc-place-call') as VcPlaceCall);
    expect(inner()).to.equal('Passer un appel');
    drop.locale = 'pt-BR';
    await until(() => inner() === 'Fazer ligação', 'the inner field follows <vc-phone>.locale');
  });

  it('keeps a locale set before the tag was defined', async () => {
    const early = document.createElement('vc-locale-early') as HTMLElement & { locale?: string };
    early.locale = 'it';
    const { VcPlaceCall } = await import('../../src/components/place-call/place-call.js');
    customElements.define('vc-locale-early', class extends VcPlaceCall {});
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.append(early);
    const el = early as unknown as VcPlaceCall;
    el.phone = new FakePhone();
    await settled(el);
    expect(toggleName(el)).to.equal('Effettua chiamata');
  });

  it('switches live when <html lang>, a container’s lang or its own lang changes', async () => {
    document.documentElement.lang = 'fr';
    const { el, wrapper } = await placeCall();
    expect(toggleName(el)).to.equal('Passer un appel');
    document.documentElement.lang = 'it';
    await until(() => toggleName(el) === 'Effettua chiamata', 'Italian after <html lang="it">');
    wrapper.lang = 'es';
    await until(() => toggleName(el) === 'Realizar llamada', 'Spanish from the container');
    el.lang = 'en-GB';
    await until(() => toggleName(el) === 'Place call', 'English from its own lang');
    el.removeAttribute('lang');
    wrapper.removeAttribute('lang');
    document.documentElement.lang = 'pt';
    await until(() => toggleName(el) === 'Fazer ligação', 'pt uses pt-BR');
  });

  it('finds the lang of a host across shadow roots (a <vc-phone lang="de">)', async () => {
    const drop = await fixture<VcPhone>(html`<vc-phone lang="de" silent .phone=${new FakePhone()}></vc-phone>`);
    await settled(drop);
    const inner = drop.shadowRoot!.querySelector('vc-place-call') as VcPlaceCall;
    expect(toggleName(inner)).to.equal('Neuer Anruf');
    drop.lang = 'it';
    await until(() => toggleName(inner) === 'Effettua chiamata', 'the inner field follows the host');
  });

  it('says why a number is refused in the locale’s words, and in the new one after a switch', async () => {
    document.documentElement.lang = 'fr';
    const { el } = await placeCall();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(deepActiveElement()?.getAttribute('part')).to.equal('input');
    expect(getByRole(el, 'textbox', 'Numéro de téléphone').getAttribute('placeholder')).to.equal('+33 1 23 45 67 89');
    await sendKeys({ type: 'appelle-moi' });
    await sendKeys({ press: 'Enter' });
    await until(() => /lettres/.test(textOf(el.shadowRoot!.querySelector('[part="error"]'))), 'French error');
    expect(textOf(el.shadowRoot!.querySelector('[part="error"]'))).to.equal(
      'Un numéro de téléphone ne peut pas contenir de lettres. Saisissez des chiffres, en commençant par + et l’indicatif du pays.',
    );
    // The code, in a live switch, keeps giving the words of the new locale.
    document.documentElement.lang = 'de';
    await until(() => /Buchstaben/.test(textOf(el.shadowRoot!.querySelector('[part="error"]'))), 'German error after the switch');
    await expect(el).to.be.accessible();
  });

  it('falls back to English for a key a registered locale lacks', async () => {
    await registerLocale('nl', { placeCall: 'Bellen' });
    const { el } = await placeCall(html`<vc-place-call lang="nl-BE"></vc-place-call>`);
    expect(toggleName(el)).to.equal('Bellen');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
    await settled(el);
    expect(textOf(el.shadowRoot!.querySelector('[part="call-button"]'))).to.equal('Call');
    void registerLocale('nl', { call: 'Bel' });
    await until(() => textOf(el.shadowRoot!.querySelector('[part="call-button"]')) === 'Bel', 'words added later re-render');
  });

  it('formats the talk timer and the start time for the locale', async () => {
    const ar = await connectedBox({ lang: 'ar' });
    const timer = textOf(ar.el.shadowRoot!.querySelector('[part="timer"]'));
    const zero = new Intl.NumberFormat('ar').format(0);
    expect(timer, 'Arabic digits as Intl writes them').to.equal(`${zero}${zero}:${zero}${zero}`);
    const fr = new FakePhone();
    const ended = await fr.callInState('ended');
    await settle();
    const box = await fixture<VcCallBox>(html`<vc-call-box lang="fr" silent .call=${ended} .phone=${fr}></vc-call-box>`);
    await settled(box);
    const time = new Intl.DateTimeFormat('fr', { hour: '2-digit', minute: '2-digit' }).format(ended.startedAt);
    expect(textOf(box.shadowRoot!.querySelector('[part="meta"]'))).to.equal(`Commencé à ${time}`);
    expect(time, 'French times have no AM/PM').to.match(/^\d\d:\d\d$/);
  });

  it('mirrors the layout for Arabic: direction, the colour stripe on the right, the keypad still 1 2 3 with matching arrow keys', async () => {
    const { el } = await connectedBox({ lang: 'ar' });
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    expect(el.getAttribute('dir'), 'the element says its direction').to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    expect(el.matches(':dir(rtl)')).to.equal(true);
    const box = base.getBoundingClientRect();
    const stripe = el.shadowRoot!.querySelector('[part="stripe"]')!.getBoundingClientRect();
    expect(Math.abs(stripe.right - box.right), 'stripe along the right (start) edge').to.be.below(2);
    const party = el.shadowRoot!.querySelector('[part="party"]')!.getBoundingClientRect();
    const status = el.shadowRoot!.querySelector('[part="status"]')!.getBoundingClientRect();
    expect(party.left, 'the party (start) is right of the state chip (end)').to.be.above(status.right);
    // What can be pressed on the row (Transfer in <vc-transfer>'s shadow root too), in tab order.
    const pressable = deepQueryAll(el.shadowRoot!.querySelector('[part="controls"]')!, 'button, vc-mute-button, vc-color-tag').filter(
      (c) => c.getClientRects().length > 0 && !(c.getRootNode() as ShadowRoot).host?.matches('vc-mute-button, vc-color-tag'),
    );
    expect(pressable.map((c) => c.getAttribute('part'))).to.deep.equal(['mute-button', 'hold-button', 'transfer-button', 'hangup-button', 'keypad-button', 'color-tag', 'close-button']);
    const controls = pressable.map((c) => c.getBoundingClientRect().left);
    expect(controls, 'the controls run right to left (Mute first, at the right)').to.deep.equal([...controls].sort((a, b) => b - a));
    expect(textOf(el.shadowRoot!.querySelector('[part="hangup-button"]'))).to.equal('إنهاء المكالمة');
    // The keypad: not mirrored, and ArrowRight goes to the key on the right.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="keypad-button"]')!.click();
    await settled(el);
    const pad = el.shadowRoot!.querySelector('vc-dialpad')!;
    const keys = [...pad.shadowRoot!.querySelectorAll<HTMLButtonElement>('.key')];
    expect(keys[1].getBoundingClientRect().left).to.be.above(keys[0].getBoundingClientRect().left);
    keys[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActiveElement()).to.equal(keys[1]);
    await expect(el).to.be.accessible();
  });

  it('a page dir wins over the locale’s; back to left-to-right when the language changes', async () => {
    const { el } = await connectedBox({ lang: 'ar', dir: 'ltr' });
    expect(el.hasAttribute('dir')).to.equal(false);
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).direction).to.equal('ltr');
    const rtl = await connectedBox({ lang: 'ar' });
    expect(rtl.el.getAttribute('dir')).to.equal('rtl');
    rtl.el.parentElement!.lang = 'fr';
    await until(() => !rtl.el.hasAttribute('dir'), 'its own dir is taken away');
    expect(getComputedStyle(rtl.el.shadowRoot!.querySelector('[part="base"]')!).direction).to.equal('ltr');
    await until(() => textOf(rtl.el.shadowRoot!.querySelector('[part="hangup-button"]')) === 'Raccrocher', 'French words');
  });

  it('in Arabic both number fields stay left to right, so a typed +44 reads +44 20 7946 0958, not 20 7946 0958+44', async () => {
    const click = async (target: Element) => {
      const rect = target.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
    };
    const typedInto = async (input: HTMLInputElement) => {
      expect(deepActiveElement(), 'the field has focus once opened').to.equal(input);
      await sendKeys({ type: '+442079460958' });
      await until(() => input.value === '+44 20 7946 0958', `formatted as typed (got "${input.value}")`);
      expect(getComputedStyle(input).direction, 'the field is left to right inside the right-to-left form').to.equal('ltr');
    };
    const { el: place } = await placeCall(html`<vc-place-call lang="ar"></vc-place-call>`);
    expect(getComputedStyle(place.shadowRoot!.querySelector('.toggle')!).direction, 'the form itself is right to left').to.equal('rtl');
    await click(place.shadowRoot!.querySelector('.toggle')!);
    await settled(place);
    await typedInto(place.shadowRoot!.querySelector<HTMLInputElement>('[part="input"]')!);

    const { el: box } = await connectedBox({ lang: 'ar' });
    const transfer = box.shadowRoot!.querySelector('vc-transfer')!;
    await until(() => !!transfer.shadowRoot?.querySelector('[part="transfer-button"]'), 'the Transfer button');
    await click(transfer.shadowRoot!.querySelector('[part="transfer-button"]')!);
    await until(() => !!transfer.shadowRoot!.querySelector('[part="input"]'), 'the transfer field');
    const input = transfer.shadowRoot!.querySelector<HTMLInputElement>('[part="input"]')!;
    expect(getComputedStyle(transfer.shadowRoot!.querySelector('[part="panel"]')!).direction, 'the transfer form is right to left').to.equal('rtl');
    await typedInto(input);
    await expect(box).to.be.accessible();
  });

  it('announces in the list’s locale, with the number kept in order inside Arabic text', async () => {
    const phone = new FakePhone({}, { autoRing: false });
    const list = await fixture<VcCallList>(html`<vc-call-list lang="ar" silent .phone=${phone}></vc-call-list>`);
    await settled(list);
    await phone.call('+44 20 7946 0958');
    await until(() => /جارٍ الاتصال/.test(textOf(list.shadowRoot!.querySelector('[role="status"]'))), 'Arabic announcement');
    expect(textOf(list.shadowRoot!.querySelector('[role="status"]'))).to.equal('جارٍ الاتصال بـ \u2068+44 20 7946 0958\u2069');
    const group = deepQueryAll(list, '[part="base"][role="group"]')[0];
    expect(group.getAttribute('aria-label')).to.equal('مكالمة مع \u2068+44 20 7946 0958\u2069');
  });
});

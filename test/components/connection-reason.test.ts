import { expect, fixture, html } from '@open-wc/testing';
import '../../src/vc-phone.js';
import type { VcPhone } from '../../src/components/phone/phone-element.js';
import type { VcConnectionChangeEvent } from '../../src/events/call-lifecycle-events.js';
import type { LocaleStrings } from '../../src/i18n/locale-types.js';
import type { ConnectionReason, ConnectionState } from '../../src/phone/types.js';
import { memoryStorage } from '../../src/phone/store.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { deepQueryAll, settled, textOf, until, LOCALE_TABLES } from './helpers.js';

/** What the real phone reports for each reason (sip-connection.ts, sip-engine.ts), English words included. */
const REPORTS: Record<ConnectionReason, { state: ConnectionState; message: string; key: keyof LocaleStrings }> = {
  paused: { state: 'disconnected', message: 'Disconnected from the SIP server; reconnecting when this page is shown.', key: 'statusPaused' },
  blocked: {
    state: 'disconnected',
    message: "This page's Content-Security-Policy blocks the SIP server: add wss://sip.example.com to its connect-src.",
    key: 'statusBlocked',
  },
  unreachable: { state: 'reconnecting', message: 'The SIP server could not be reached. Check the network or try again.', key: 'statusUnreachable' },
  lost: { state: 'reconnecting', message: 'The connection to the SIP server was lost. Reconnecting…', key: 'statusLost' },
};

const LOCALES = LOCALE_TABLES;

async function phoneIn(lang: string) {
  const phone = new FakePhone();
  const table = (await LOCALES[lang]?.())?.default;
  const el = await fixture<VcPhone>(html`<vc-phone lang=${lang} silent .phone=${phone}></vc-phone>`);
  const pill = () => deepQueryAll(el, '[part="status-pill"]')[0];
  const connection = () => deepQueryAll(el, '[part="connection"]')[0];
  // The locale's table has arrived once the pill says Ready in it.
  await until(() => textOf(pill()) === (table?.statusReady ?? 'Ready'), `the pill in ${lang}`);
  return { el, phone, table, pill, connection };
}

describe('<vc-phone-status>: why the phone is offline, in the page’s language', () => {
  for (const lang of Object.keys(LOCALES)) {
    it(`${lang}: says every reason in ${lang}, never the phone's English sentence`, async () => {
      const { el, phone, table, pill, connection } = await phoneIn(lang);
      for (const [reason, { state, message, key }] of Object.entries(REPORTS) as Array<[ConnectionReason, (typeof REPORTS)[ConnectionReason]]>) {
        phone.simulateConnection(state, message, undefined, reason);
        await settled(el);
        const words = table[key] as string;
        expect(words, `${lang}.${key}`).to.be.a('string').and.not.equal('');
        expect(textOf(pill()), reason).to.equal(table.statusOffline);
        expect(textOf(connection()), reason).to.equal(words);
        expect(connection().title, `${reason} tooltip`).to.equal(words);
        expect(pill().title, `${reason} pill tooltip`).to.equal(words);
        const shown = textOf(deepQueryAll(el, 'vc-phone-status')[0]);
        expect(shown, reason).not.to.contain(message);
        expect(shown, reason).not.to.match(/SIP server|Reconnecting|Disconnected|Content-Security-Policy/);
        // Retry is offered where connecting again can help; a policy that blocks the server is not that.
        expect(deepQueryAll(el, '[part="retry-button"]').length, `${reason}: Retry`).to.equal(reason === 'blocked' ? 0 : 1);
        phone.simulateConnection('connected');
        await settled(el);
      }
    });
  }

  it('keeps the countdown ("retry in N s") with the reason’s words in the tooltip, and the words while an attempt is under way', async () => {
    const { el, phone, table, pill, connection } = await phoneIn('fr');
    phone.simulateConnection('reconnecting', REPORTS.lost.message, Date.now() + 4000, 'lost');
    await settled(el);
    expect(textOf(pill())).to.equal('Hors ligne');
    expect(textOf(connection())).to.match(/^nouvel essai dans [34] s$/);
    expect(connection().title).to.equal(table.statusLost);
    // The attempt starts (no words, no countdown): the words of the reason stay, in French.
    phone.simulateConnection('reconnecting');
    await settled(el);
    expect(textOf(connection())).to.equal(table.statusLost);
    // It fails: the server could not be reached this time.
    phone.simulateConnection('reconnecting', REPORTS.unreachable.message, undefined, 'unreachable');
    await settled(el);
    expect(textOf(connection())).to.equal(table.statusUnreachable);
  });

  it('a reason it does not know (a custom engine, a newer tab): general words in the locale, the English message only in the tooltip', async () => {
    const { el, phone, table, connection } = await phoneIn('de');
    phone.simulateConnection('disconnected', 'WebSocket closed with code 1006.');
    await settled(el);
    expect(textOf(connection())).to.equal(table.statusNotConnected);
    expect(connection().title).to.equal('WebSocket closed with code 1006.');
    phone.simulateConnection('disconnected', 'Something new.', undefined, 'quantum' as ConnectionReason);
    await settled(el);
    expect(textOf(connection())).to.equal(table.statusNotConnected);
    expect(connection().title).to.equal('Something new.');
  });

  it('in English, the reason’s words from the English table; Ready clears them', async () => {
    const phone = new FakePhone();
    const el = await fixture<VcPhone>(html`<vc-phone silent .phone=${phone}></vc-phone>`);
    await settled(el);
    const connection = () => deepQueryAll(el, '[part="connection"]')[0];
    phone.simulateConnection('disconnected', REPORTS.blocked.message, undefined, 'blocked');
    await settled(el);
    expect(textOf(connection())).to.equal('Blocked by the page’s security policy');
    phone.simulateConnection('connected');
    await settled(el);
    expect(connection()).to.equal(undefined);
    expect(deepQueryAll(el, '[part="status-pill"]')[0].title).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('a program reads the reason: phone.connectionReason and vc-connection-change’s detail, with the English message kept', async () => {
    const phone = new FakePhone();
    const details: VcConnectionChangeEvent['detail'][] = [];
    phone.addEventListener('vc-connection-change', (event) => details.push((event).detail));
    const at = Date.now() + 3000;
    phone.simulateConnection('reconnecting', REPORTS.lost.message, at, 'lost');
    expect(phone.connectionReason).to.equal('lost');
    expect(phone.connectionMessage).to.equal(REPORTS.lost.message);
    phone.simulateConnection('disconnected', REPORTS.paused.message, undefined, 'paused');
    phone.simulateConnection('connected');
    expect(phone.connectionReason).to.equal(undefined);
    expect(details).to.deep.equal([
      { state: 'reconnecting', message: REPORTS.lost.message, retryAt: at, reason: 'lost' },
      { state: 'disconnected', message: REPORTS.paused.message, reason: 'paused' },
      { state: 'connected' },
    ]);
  });
  it('a follower tab gets the leader’s reason, and says it in its own page’s language', async () => {
    const storageKey = `connection-reason-${Date.now()}`;
    const storage = memoryStorage();
    const leaderPhone = new FakePhone({ storageKey }, { storage, tabs: 'shared' });
    await leaderPhone.connect();
    const followerPhone = new FakePhone({ storageKey }, { storage, tabs: 'shared' });
    const fr = (await LOCALES.fr()).default;
    const container = await fixture<HTMLDivElement>(html`<div>
      <vc-phone id="leader" lang="de" silent .phone=${leaderPhone}></vc-phone>
      <vc-phone id="follower" lang="fr" silent .phone=${followerPhone}></vc-phone>
    </div>`);
    const follower = container.querySelector<VcPhone>('#follower')!;
    const connection = () => deepQueryAll(follower, '[part="connection"]')[0];
    try {
      await until(() => textOf(deepQueryAll(follower, '[part="status-pill"]')[0]) === fr.statusReady, 'the follower in French');
      leaderPhone.simulateConnection('disconnected', REPORTS.paused.message, undefined, 'paused');
      await until(() => followerPhone.connectionReason === 'paused', 'the reason in the follower');
      expect(followerPhone.connectionMessage).to.equal(REPORTS.paused.message);
      await until(() => textOf(connection()) === fr.statusPaused, 'the French words in the follower’s pill');
      leaderPhone.simulateConnection('disconnected', REPORTS.blocked.message, undefined, 'blocked');
      await until(() => textOf(connection()) === fr.statusBlocked, 'the next reason in the follower');
      expect(textOf(deepQueryAll(follower, 'vc-phone-status')[0])).not.to.contain('Content-Security-Policy');
    } finally {
      await followerPhone.dispose();
      await leaderPhone.dispose();
    }
  });
});

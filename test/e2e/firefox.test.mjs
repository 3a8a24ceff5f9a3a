// The real Phone (CDN build) in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi) against
// the real stack on loopback, plain ws://. Media flows on host candidates on 127.0.0.1: see
// lib/browsers.mjs for the two prefs that make Firefox gather them inside a network namespace.
// Every assertion reads what the far end saw.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { header, messagesForCallNow, waitFor } from './stack/far-end.mjs';
import { launch } from './lib/browsers.mjs';
import { numbers, plan, sleep, stackDir, startStaticServer } from './lib/harness.mjs';
import {
  assertMuteHeardAtBaresip,
  hangupSeenAtFarEnd,
  infoAtBaresip,
  inviteOf,
  loudWindowsAtBaresip,
  mediaStats,
  muteCycle,
  phonePage,
  place,
  postDialDelay,
  relayedDtmf,
  rfc4733AtBaresip,
  waitState,
} from './lib/scenarios.mjs';

const suite = {};
before(async () => {
  suite.web = await startStaticServer();
  suite.browser = await launch('firefox');
  console.log(`# firefox: ${suite.browser.version}`);
});
after(async () => {
  await suite.browser?.close();
  await suite.web?.close();
});

describe('Firefox ESR against the real stack (ws://, host candidates on loopback)', () => {
  it('answered call with media both ways, mute heard at the far end, RFC 4733 DTMF, hang-up', async () => {
    const page = await phonePage(suite.browser, suite.web.origin, {});
    const placed = await place(page, 'a', '+44 20 7946 0958');
    await waitState(page, 'a', 'connected');
    const { sipCallId, invite } = await inviteOf(page, 'a');
    assert.match(invite.startLine, /^INVITE sip:\+442079460958@127\.0\.0\.1 SIP\/2\.0$/);
    assert.match(invite.body, /a=candidate:\S+ 1 UDP \d+ 127\.0\.0\.1 \d+ typ host/, 'Firefox offered a host candidate on 127.0.0.1');
    assert.match(header(invite, 'User-Agent') ?? '', /./);
    const pdd = await postDialDelay(page, 'a', placed);
    console.log(`# firefox post-dial delay (host candidates): click->INVITE ${pdd.clickToInvite} ms, click->200 OK ${pdd.clickTo200} ms`);

    const { mutedForMs } = await muteCycle(page, 'a', 2500);
    const stats = await mediaStats(page, 'a');
    assert.ok(stats.sent.packets > 100, `Firefox sent RTP: ${JSON.stringify(stats)}`);
    assert.ok(stats.received.packets > 100, `Firefox received RTP (baresip's echo): ${JSON.stringify(stats)}`);

    const digits = await rfc4733AtBaresip(page, 'a', ['1', '2', '3', '#']);
    assert.deepEqual(digits, ['1', '2', '3', '#'], 'baresip got the RFC 4733 events in order');
    assert.deepEqual(await relayedDtmf(sipCallId, 4), ['1', '2', '3', '#'], 'rtpengine relayed them');

    const state = await hangupSeenAtFarEnd(page, 'a', sipCallId);
    assert.equal(state.outcome.endedBy, 'local');
    const heard = await assertMuteHeardAtBaresip(sipCallId, mutedForMs);
    assert.ok(heard.loud >= 20, `baresip heard Firefox's fake microphone: ${JSON.stringify(heard)}`);
    await page.close();
  });

  it('digest auth (407 then 200) and SIP INFO DTMF at the far end', async () => {
    const page = await phonePage(suite.browser, suite.web.origin, { auth: { ...plan.credentials }, dtmf: 'info' });
    await place(page, 'auth', numbers.auth);
    await waitState(page, 'auth', 'connected');
    const { sipCallId } = await inviteOf(page, 'auth');
    const flow = (await messagesForCallNow(stackDir, sipCallId)).filter((m) => /^ws/.test(m.proto) && (m.method === 'INVITE' || /INVITE/.test(m.cseq ?? '')));
    const challenge = flow.find((m) => m.status === 407);
    assert.ok(challenge, 'Kamailio challenged the first INVITE with 407');
    const authorised = flow.find((m) => m.method === 'INVITE' && header(m, 'Proxy-Authorization'));
    assert.match(header(authorised, 'Proxy-Authorization'), new RegExp(`username="${plan.credentials.username}".*qop=auth`));
    assert.doesNotMatch(header(authorised, 'Proxy-Authorization'), new RegExp(plan.credentials.password));
    await sleep(300);
    const digits = await infoAtBaresip(page, 'auth', ['5', '6', '*', '0']);
    assert.deepEqual(digits, ['5', '6', '*', '0'], 'baresip got the INFO digits in order');
    const infos = (await messagesForCallNow(stackDir, sipCallId)).filter((m) => m.direction === 'in' && m.method === 'INFO' && !m.status);
    assert.equal(infos.length, 4);
    assert.equal(header(infos[0], 'Content-Type'), 'application/dtmf-relay');
    // let media run before hanging up (Firefox refreshes its RTP counters in steps: poll, with a deadline)
    await waitFor(async () => (await mediaStats(page, 'auth')).sent.packets > 50, 8000);
    const loud = await hangupSeenAtFarEnd(page, 'auth', sipCallId).then(() => loudWindowsAtBaresip(sipCallId));
    assert.ok(loud >= 3, `media flowed on the authenticated call: ${loud} loud windows`);
    await page.close();
  });
});

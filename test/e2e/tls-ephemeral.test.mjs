// wss:// like production, in Chromium and Firefox: Kamailio's tls listener on 127.0.0.1:5067 with a
// certificate for sip.vc-phone.test from a throw-away CA made by `stack.sh up`, trusted by the
// browsers through an NSS database (Chromium: $HOME/.pki/nssdb; Firefox: the profile's cert9.db),
// the host name mapped to 127.0.0.1 by each browser (no DNS). Plus the wss:-only rule for a
// non-local host, a sips: target, and Kamailio's ephemeral auth (auth_ephemeral: the TURN REST
// scheme) for short-lived SIP credentials.
//
// PhoneConfig.auth as a source (() => Promise<{ username, password }>): asked before each call and
// once more after a refused credential, never stored beyond the call.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { header, messagesForCallNow, waitFor } from './stack/far-end.mjs';
import { ephemeralCredential, launch } from './lib/browsers.mjs';
import { numbers, plan, stackDir, startStaticServer } from './lib/harness.mjs';
import {
  hangupSeenAtFarEnd,
  inviteOf,
  loudWindowsAtBaresip,
  mediaStats,
  phonePage,
  place,
  relayedDtmf,
  rfc4733AtBaresip,
  waitState,
} from './lib/scenarios.mjs';

const kamailioLog = () => fs.readFileSync(path.join(stackDir, 'logs', 'kamailio.log'), 'latin1');
const wss = { server: plan.wssUrl };

const web = {};
before(async () => {
  web.server = await startStaticServer();
});
after(async () => {
  await web.server?.close();
});

for (const browserName of ['chromium', 'firefox']) {
  describe(`wss:// and ephemeral auth, ${browserName}`, () => {
    const suite = {};
    before(async () => {
      suite.browser = await launch(browserName);
    });
    after(async () => {
      await suite.browser?.close();
    });

    it('over wss:// (test CA trusted): answered call with media, RFC 4733 DTMF at the far end, hang-up', async () => {
      const page = await phonePage(suite.browser, web.server.origin, wss);
      await place(page, 'w', numbers.baresip);
      await waitState(page, 'w', 'connected');
      const { sipCallId, invite } = await inviteOf(page, 'w');
      assert.equal(invite.proto, 'wss', `Kamailio received the INVITE over TLS WebSocket: ${invite.proto}`);
      assert.match(header(invite, 'Via'), /^SIP\/2\.0\/WSS /);
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepEqual(await rfc4733AtBaresip(page, 'w', ['7', '8']), ['7', '8']);
      assert.deepEqual(await relayedDtmf(sipCallId, 2), ['7', '8']);
      // (Firefox refreshes its RTP counters in steps: poll, with a deadline)
      const stats = await waitFor(async () => {
        const s = await mediaStats(page, 'w');
        return s.sent.packets > 50 && s.received.packets > 50 && s;
      }, 8000);
      assert.ok(stats, 'RTP both ways');
      await hangupSeenAtFarEnd(page, 'w', sipCallId);
      assert.ok((await loudWindowsAtBaresip(sipCallId)) >= 2, 'baresip heard the caller over the wss call');
      await page.close();
    });

    it('a sips: target over wss:// reaches the far end; ws:// to a non-local host is refused in words and never connects', async () => {
      const page = await phonePage(suite.browser, web.server.origin, wss);
      await place(page, 's', `sips:${numbers.answer}@${plan.domain}`);
      await waitState(page, 's', 'connected');
      const { sipCallId, invite } = await inviteOf(page, 's');
      assert.match(invite.startLine, /^INVITE sips:\+61291234567@127\.0\.0\.1 SIP\/2\.0$/);
      const answered = (await messagesForCallNow(stackDir, sipCallId)).find((m) => m.direction === 'in' && m.status === 200 && /INVITE/.test(m.cseq));
      assert.ok(answered, 'sipp (the far end) answered 200');
      await hangupSeenAtFarEnd(page, 's', sipCallId);
      await page.close();

      const handshakesBefore = (kamailioLog().match(/WS handshake/g) ?? []).length;
      const insecure = await phonePage(suite.browser, web.server.origin, {}).then(async (p) => {
        const result = await p.evaluate(async (server) => {
          try {
            window.makePhone({ server, aor: 'sip:agent@127.0.0.1' });
          } catch (error) {
            return { at: 'config', code: error.code, message: error.message };
          }
          const placed = await window.placeCall('x', '+61291234567');
          return placed.error ? { at: 'call', ...placed.error } : { at: 'none', placed };
        }, `ws://${plan.tlsHost.name}:${plan.ports.kamailioWs}`);
        await p.close();
        return result;
      });
      assert.equal(insecure.code, 'insecure-server', JSON.stringify(insecure));
      assert.match(insecure.message, /wss:\/\//, 'the words say to use wss://');
      await new Promise((r) => setTimeout(r, 300));
      const handshakesAfter = (kamailioLog().match(/WS handshake/g) ?? []).length;
      assert.equal(handshakesAfter, handshakesBefore, 'no WebSocket reached the server for the refused ws:// address');
    });

    it('ephemeral credentials (auth_ephemeral): a fresh one connects, an expired one fails in words', async () => {
      const fresh = ephemeralCredential('agent', 300);
      const page = await phonePage(suite.browser, web.server.origin, { ...wss, auth: fresh });
      await place(page, 'e', numbers.ephemeral);
      await waitState(page, 'e', 'connected');
      const { sipCallId } = await inviteOf(page, 'e');
      const msgs = await messagesForCallNow(stackDir, sipCallId);
      assert.ok(msgs.find((m) => m.status === 407 && m.direction === 'out'), '407 challenge first');
      assert.ok(msgs.find((m) => m.method === 'INVITE' && new RegExp(`username="${fresh.username}"`).test(header(m, 'Proxy-Authorization') ?? '')));
      await waitFor(() => kamailioLog().includes(`autheph: ok for '${fresh.username}'`), 5000);
      await hangupSeenAtFarEnd(page, 'e', sipCallId);
      await page.close();

      const expired = ephemeralCredential('agent', -30);
      const page2 = await phonePage(suite.browser, web.server.origin, { ...wss, auth: expired });
      await place(page2, 'x', numbers.ephemeral);
      const state = await waitState(page2, 'x', ['failed', 'ended']);
      assert.equal(state.state, 'failed');
      assert.equal(state.outcome.reason, 'auth-failed');
      assert.match(state.outcome.message, /credentials|username and password/i);
      await waitFor(() => kamailioLog().includes(`autheph: refused '${expired.username}'`), 5000);
      const consoleText = page2.consoleLines.join('\n');
      assert.ok(!consoleText.includes(expired.password), 'the password never reaches the console');
      await page2.close();
    });

    it('auth source: asked for the call, asked again after the proxy refuses an expired credential', async () => {
      const expired = ephemeralCredential('agent', -30);
      const fresh = ephemeralCredential('agent', 300);
      const page = await browserPageWithCallback(suite.browser, [expired, fresh]);
      await place(page, 'c', numbers.ephemeral);
      await waitState(page, 'c', 'connected');
      const asked = await page.evaluate(() => window.__authAsked);
      assert.equal(asked, 2, 'asked once for the call, once more after the refused credential');
      await waitFor(() => kamailioLog().includes(`autheph: refused '${expired.username}'`), 5000);
      await waitFor(() => kamailioLog().includes(`autheph: ok for '${fresh.username}'`), 5000);
      const { sipCallId } = await inviteOf(page, 'c');
      await hangupSeenAtFarEnd(page, 'c', sipCallId);
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify(window.phone.config));
      assert.ok(!stored.includes(fresh.password) && !stored.includes(expired.password), 'no credential kept in storage or config');
      await page.close();
    });
  });
}

/** A page whose phone gets its credentials from a callback returning each of `creds` in turn. */
async function browserPageWithCallback(browser, creds) {
  const page = await browser.open(`${web.server.origin}/test/e2e/pages/phone.html`);
  await page.evaluate(
    ([server, list]) => {
      window.__authAsked = 0;
      window.makePhone({
        server,
        aor: 'sip:agent@127.0.0.1',
        auth: async () => list[Math.min(window.__authAsked++, list.length - 1)],
      });
    },
    [plan.wssUrl, creds],
  );
  return page;
}

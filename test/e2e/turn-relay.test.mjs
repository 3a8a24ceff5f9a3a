// Media through a TURN relay only (coturn on loopback), in Chromium and Firefox: long-term
// credentials and TURN REST (time-limited) credentials. Proven at the far ends: coturn's log
// (allocation for the right user, permission for rtpengine's address, relayed bytes), the
// INVITE's offer (relay candidates only), the selected candidate pair (relay), baresip's DTMF
// log and its recording of the caller (mute).
//
// The relay-only policy comes from the product option PhoneConfig.iceTransportPolicy: 'relay';
// lib/browsers.mjs watchPeerConnections only records the peer connections the page makes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ephemeralCredential, launch, selectedPair, watchPeerConnections } from './lib/browsers.mjs';
import { numbers, plan, startStaticServer } from './lib/harness.mjs';
import {
  assertMuteHeardAtBaresip,
  coturnLog,
  coturnMark,
  coturnSessions,
  hangupSeenAtFarEnd,
  inviteOf,
  mediaStats,
  muteCycle,
  phonePage,
  place,
  postDialDelay,
  relayedDtmf,
  rfc4733AtBaresip,
  waitState,
} from './lib/scenarios.mjs';
import { waitFor } from './stack/far-end.mjs';

const longTerm = { urls: plan.turn.longTerm.urls, username: plan.turn.longTerm.username, credential: plan.turn.longTerm.credential };
const inRange = (port, range) => {
  const [lo, hi] = range.split('-').map(Number);
  return port >= lo && port <= hi;
};
const delays = [];

const web = {};
before(async () => {
  web.server = await startStaticServer();
});
after(async () => {
  await web.server?.close();
  for (const d of delays) console.log(`# post-dial delay with TURN (${d.label}): click->INVITE ${d.clickToInvite} ms, click->200 OK ${d.clickTo200} ms`);
});

/** The offer carries relay candidates only, from the given coturn's relay port range. */
function assertRelayOnlyOffer(invite, range) {
  const candidates = invite.body.split(/\r?\n/).filter((l) => l.startsWith('a=candidate:'));
  assert.ok(candidates.length > 0, `the offer has candidates: ${invite.body}`);
  for (const c of candidates) {
    assert.match(c, / typ relay /, `relay only: ${c}`);
    const port = Number(c.split(' ')[5]);
    assert.ok(inRange(port, range), `relayed port ${port} is coturn's (${range})`);
  }
}

for (const browserName of ['chromium', 'firefox']) {
  describe(`TURN relay only, ${browserName}`, () => {
    const suite = {};
    before(async () => {
      suite.browser = await launch(browserName);
    });
    after(async () => {
      await suite.browser?.close();
    });

    it('long-term credentials: relay pair, coturn relays to rtpengine, DTMF and mute at the far end', async () => {
      const mark = coturnMark('lt');
      const page = await phonePage(suite.browser, web.server.origin, { iceServers: [longTerm], iceTransportPolicy: 'relay' }, {
        beforePhone: (p) => watchPeerConnections(p),
      });
      const placed = await place(page, 't', numbers.baresip);
      await waitState(page, 't', 'connected');
      const { sipCallId, invite } = await inviteOf(page, 't');
      assertRelayOnlyOffer(invite, plan.turn.longTerm.relayPorts);
      delays.push({ label: `${browserName}, long-term`, ...(await postDialDelay(page, 't', placed)) });

      const pair = await waitFor(async () => {
        const p = await selectedPair(page);
        return p?.local && p;
      }, 8000);
      assert.equal(pair.local.type, 'relay', `selected pair: ${JSON.stringify(pair)}`);
      assert.equal(pair.policy.iceTransportPolicy, 'relay');

      const { mutedForMs } = await muteCycle(page, 't', 2500);
      const stats = await mediaStats(page, 't');
      assert.ok(stats.sent.packets > 100 && stats.received.packets > 100, `RTP both ways through the relay: ${JSON.stringify(stats)}`);
      assert.deepEqual(await rfc4733AtBaresip(page, 't', ['4', '5', '#']), ['4', '5', '#']);
      assert.deepEqual(await relayedDtmf(sipCallId, 3), ['4', '5', '#']);

      // coturn: one allocation for the long-term user, a permission for rtpengine on 127.0.0.1
      const sessions = coturnSessions('lt', mark).filter((s) => s.allocated);
      assert.ok(sessions.length >= 1, `coturn allocated: ${JSON.stringify(sessions)}`);
      assert.ok(sessions.every((s) => s.user === plan.turn.longTerm.username), JSON.stringify(sessions));
      assert.ok(sessions.some((s) => s.peers.some((p) => p.startsWith('127.0.0.1'))), `coturn permitted rtpengine as peer: ${JSON.stringify(sessions)}`);

      await hangupSeenAtFarEnd(page, 't', sipCallId);
      await assertMuteHeardAtBaresip(sipCallId, mutedForMs);
      // coturn logs each session's relayed traffic when it closes (the browser deallocates)
      const used = await waitFor(() => {
        const closed = coturnSessions('lt', mark).filter((s) => s.usage.rp > 100 && s.usage.sp > 100);
        return closed.length && closed;
      }, 10000).catch(() => coturnSessions('lt', mark));
      assert.ok(used.some((s) => s.usage.rp > 100 && s.usage.sp > 100), `coturn relayed packets both ways: ${JSON.stringify(used.map((s) => s.usage))}`);
      await page.close();
    });

    it('TURN REST credentials (time-limited, shared secret): a fresh one relays, an expired one is refused by coturn', async () => {
      const mark = coturnMark('rest');
      const fresh = ephemeralCredential('agent-7', 600);
      const page = await phonePage(
        suite.browser,
        web.server.origin,
        { iceServers: [{ urls: plan.turn.rest.urls, ...{ username: fresh.username, credential: fresh.password } }], iceTransportPolicy: 'relay' },
        { beforePhone: (p) => watchPeerConnections(p) },
      );
      const placed = await place(page, 'r', numbers.baresip);
      await waitState(page, 'r', 'connected');
      const { sipCallId, invite } = await inviteOf(page, 'r');
      assertRelayOnlyOffer(invite, plan.turn.rest.relayPorts);
      delays.push({ label: `${browserName}, TURN REST`, ...(await postDialDelay(page, 'r', placed)) });
      const pair = await waitFor(async () => {
        const p = await selectedPair(page);
        return p?.local && p;
      }, 8000);
      assert.equal(pair.local.type, 'relay');
      assert.deepEqual(await rfc4733AtBaresip(page, 'r', ['9']), ['9']);
      const sessions = coturnSessions('rest', mark).filter((s) => s.allocated);
      assert.ok(sessions.some((s) => s.user === fresh.username), `coturn allocated for ${fresh.username}: ${JSON.stringify(sessions)}`);
      await hangupSeenAtFarEnd(page, 'r', sipCallId);
      await page.close();

      // an expired credential: coturn refuses the allocation (401), so no relay candidate at all
      const expiredMark = coturnMark('rest');
      const expired = ephemeralCredential('agent-7', -60);
      const page2 = await phonePage(suite.browser, web.server.origin, {}, {});
      const gathered = await page2.evaluate(async (server) => {
        const pc = new RTCPeerConnection({ iceServers: [server], iceTransportPolicy: 'relay' });
        pc.addTransceiver('audio');
        const candidates = [];
        pc.onicecandidate = (e) => e.candidate?.candidate && candidates.push(e.candidate.candidate);
        await pc.setLocalDescription(await pc.createOffer());
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, 8000);
          pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && (clearTimeout(timer), resolve());
        });
        pc.close();
        return candidates;
      }, { urls: plan.turn.rest.urls, username: expired.username, credential: expired.password });
      assert.deepEqual(gathered, [], 'no relay candidate with an expired TURN REST credential');
      // coturn: "check_stun_auth: Cannot find credentials of user <expiry:agent-7>" + 401
      const refusedLine = `user <${expired.username}>: incoming packet message processed, error 401`;
      await waitFor(() => coturnLog('rest', expiredMark).includes(refusedLine), 5000);
      assert.ok(!coturnSessions('rest', expiredMark).some((s) => s.allocated), 'no allocation with the expired credential');
      await page2.close();
    });
  });
}

describe('TURN relay only through the product option alone', () => {
  it('PhoneConfig.iceTransportPolicy: "relay" makes the offer relay-only (Chromium, no test-side wrapper)', async () => {
    const browser = await launch('chromium');
    try {
      const page = await phonePage(browser, web.server.origin, { iceServers: [longTerm], iceTransportPolicy: 'relay' }, {
        beforePhone: (p) => watchPeerConnections(p),
      });
      await place(page, 'p', numbers.answer);
      await waitState(page, 'p', 'connected');
      const { sipCallId, invite } = await inviteOf(page, 'p');
      const pair = await selectedPair(page);
      assert.equal(pair.policy.iceTransportPolicy, 'relay', 'the phone created its peer connection with iceTransportPolicy relay');
      assertRelayOnlyOffer(invite, plan.turn.longTerm.relayPorts);
      await hangupSeenAtFarEnd(page, 'p', sipCallId);
      await page.close();
    } finally {
      await browser.close();
    }
  });
});

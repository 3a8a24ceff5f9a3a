// One phone across tabs, on the real stack: three pages of ONE Chromium context (one origin, one
// storage key) share one WebSocket to Kamailio and one set of calls. The leader page holds the
// UserAgent and the media; the others mirror its calls and act through it. Assertions read what
// the far end saw (Kamailio's SIP dump, baresip's DTMF log), Kamailio's own sockets (ss), and
// what the status-webhook receiver got.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { baresipDtmf, logSize, messagesForCall, messagesForCallNow, waitFor } from './stack/far-end.mjs';
import { launchBrowser, plan, sleep, stackDir, startStaticServer, startWebhookReceiver } from './lib/harness.mjs';

const AOR = `sip:agent@${plan.domain}`;
const NUMBER = '+44 20 7946 0958'; // baresip answers, records and logs DTMF

let browser;
let web;
before(async () => {
  browser = await launchBrowser();
  web = await startStaticServer();
});
after(async () => {
  await browser?.close();
  await web?.close();
});

/** WebSocket connections Kamailio holds now (its end of each established TCP connection). */
function kamailioWebSockets() {
  const out = execFileSync('ss', ['-Htn', 'state', 'established', `( sport = :${plan.ports.kamailioWs} )`], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.trim()).length;
}

/** Opens `count` pages of one context, each with a phone on one storage key. */
async function openTabs(count, config) {
  const context = await browser.newContext();
  await context.grantPermissions(['microphone'], { origin: web.origin });
  const pages = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    const lines = [];
    page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => lines.push(`pageerror: ${error.message}`));
    page.lines = lines;
    await page.goto(`${web.origin}/test/e2e/pages/phone.html`);
    await page.waitForFunction(() => window.vcReady === true, null, { timeout: 15000 });
    await page.evaluate((c) => window.makePhone(c), { server: plan.wsUrl, aor: AOR, displayName: 'E2E Agent', ...config });
    // The first page opened leads; the election is over once each page knows its part.
    await page.waitForFunction(() => window.phone.tabs && !window.phone.tabs.role.startsWith('pending'), null, { timeout: 5000 });
    pages.push(page);
  }
  return { context, pages };
}

const roleOf = (page) => page.evaluate(() => window.phone.tabs.role);
const callIn = (page, id) => page.evaluate((i) => window.phone.getCall(i)?.toJSON() ?? null, id);

async function waitCallState(page, id, states, timeout = 15000) {
  const wanted = Array.isArray(states) ? states : [states];
  await page.waitForFunction(([i, w]) => w.includes(window.phone.getCall(i)?.state), [id, wanted], { timeout }).catch(async (error) => {
    throw new Error(`call ${id} never reached ${wanted.join('/')} in a page: ${JSON.stringify(await callIn(page, id))} (${error.message.split('\n')[0]})`);
  });
  return callIn(page, id);
}

async function placeFrom(page, name, to) {
  const placed = await page.evaluate(([n, t]) => window.placeCall(n, t, {}), [name, to]);
  assert.equal(placed.error, undefined, `call refused: ${JSON.stringify(placed.error)}`);
  return placed.id;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('one phone across tabs (real stack, three pages of one context)', () => {
  it('T1. a follower\'s call is placed by the leader: one WebSocket, the same boxes in every page, DTMF and hang-up from a follower reach the far end', async (t) => {
    const { context, pages } = await openTabs(3, { storageKey: 'tabs-e2e-1' });
    t.after(() => context.close());
    const [leader, follower, other] = pages;
    assert.deepEqual(await Promise.all(pages.map(roleOf)), ['leader', 'follower', 'follower']);

    const id = await placeFrom(follower, 'f', NUMBER);
    for (const page of pages) await waitCallState(page, id, 'connected');
    const sipCallId = (await callIn(leader, id)).sipCallId;
    assert.ok(sipCallId, 'the leader holds the call (its INVITE went out)');
    assert.equal((await callIn(other, id)).sipCallId, sipCallId, 'the third page shows the same call');
    await waitFor(() => kamailioWebSockets() === 1, 5000).catch(() => undefined);
    assert.equal(kamailioWebSockets(), 1, 'exactly one WebSocket at Kamailio for three pages');
    const invites = (await messagesForCallNow(stackDir, sipCallId)).filter((m) => m.direction === 'in' && m.method === 'INVITE' && m.proto.startsWith('ws') && !m.status);
    assert.equal(invites.length, 1, 'one INVITE');

    // Mirror latency: the leader's own mute event to the same event in a follower, 10 toggles from the third page.
    await Promise.all(
      pages.map((page) =>
        page.evaluate(() => {
          window.muteAt = [];
          window.phone.addEventListener('vc-call-mute', () => window.muteAt.push(performance.timeOrigin + performance.now()));
        }),
      ),
    );
    for (let i = 0; i < 10; i++) {
      await other.evaluate((i) => window.phone.getCall(i).toggleMute(), id);
      await other.waitForFunction((n) => window.muteAt.length >= n, i + 1, { timeout: 5000 });
    }
    const [atLeader, atFollower, atOther] = await Promise.all(pages.map((page) => page.evaluate(() => window.muteAt)));
    assert.equal(atLeader.length, 10);
    assert.equal(atFollower.length, 10);
    const lags = atOther.map((at, i) => at - atLeader[i]).concat(atFollower.map((at, i) => at - atLeader[i]));
    console.log(`# mirror latency (leader's event -> same event in a follower), ${lags.length} samples: median ${median(lags).toFixed(1)} ms, max ${Math.max(...lags).toFixed(1)} ms`);
    assert.ok(lags.every((lag) => lag >= 0 && lag < 2000), `every mute mirrored within 2 s: ${lags.map((l) => l.toFixed(1)).join(', ')}`);
    assert.equal((await callIn(leader, id)).muted, false, 'ten toggles leave the call unmuted');

    const mark = logSize(stackDir, 'baresip');
    await other.evaluate((i) => ['5', '7', '#'].forEach((digit) => window.phone.getCall(i).sendDtmf(digit)), id);
    const digits = await waitFor(() => {
      const seen = baresipDtmf(stackDir, mark).rfc4733;
      return seen.length >= 3 && seen;
    }, 8000);
    assert.deepEqual(digits, ['5', '7', '#'], 'digits typed in a follower reached baresip');

    await other.evaluate((i) => window.phone.getCall(i).hangup(), id);
    const bye = await waitFor(() => messagesForCall(stackDir, sipCallId).find((m) => m.method === 'BYE' && !m.status && m.direction === 'out' && !m.proto.startsWith('ws')), 8000);
    assert.ok(bye, 'the hang-up in a follower reached the far end as a BYE');
    for (const page of pages) {
      const ended = await waitCallState(page, id, 'ended');
      assert.equal(ended.outcome.endedBy, 'local');
    }
    for (const page of pages) assert.ok(!page.lines.some((line) => line.startsWith('pageerror')), page.lines.join('\n'));
  });

  it('T2. the leader page closes mid-call: its call ends in words (BYE to the far end), a survivor takes the connection over, a new call works, exactly one WebSocket, and no webhook event is lost', async (t) => {
    const hook = await startWebhookReceiver({ failFirst: 0, dropAfterProcessing: 0 });
    hook.setDown(true); // nothing is delivered before the leader goes: all of it waits in its outbox
    const { context, pages } = await openTabs(3, { storageKey: 'tabs-e2e-2', statusWebhook: { url: hook.url } });
    t.after(() => Promise.all([context.close(), hook.close()]));
    const [leader, follower, other] = pages;
    assert.equal(await roleOf(leader), 'leader');
    const historyIds = (page) => page.evaluate(() => window.phone.history.entries.map((entry) => entry.id));

    // A call ends and is in every page's history; the agent clears the history in one page: it is
    // gone from every page (the storage event), and no page writes it back later (only the page
    // that holds the calls writes the history; a copy kept elsewhere once brought it back).
    const zero = await placeFrom(leader, 'z', NUMBER);
    await waitCallState(leader, zero, 'connected');
    await leader.evaluate((i) => window.phone.getCall(i).hangup(), zero);
    await waitFor(async () => (await Promise.all(pages.map(historyIds))).every((ids) => ids.includes(zero)), 5000);
    await other.evaluate(() => window.phone.history.clear());
    await waitFor(async () => (await Promise.all(pages.map(historyIds))).every((ids) => ids.length === 0), 5000).catch(() => undefined);
    assert.deepEqual(await Promise.all(pages.map(historyIds)), [[], [], []], 'cleared in every page');

    const first = await placeFrom(follower, 'a', NUMBER);
    for (const page of pages) await waitCallState(page, first, 'connected');
    const firstSip = (await callIn(leader, first)).sipCallId;
    await follower.evaluate((i) => window.phone.getCall(i).sendDtmf('1'), first);
    await follower.evaluate((i) => window.phone.getCall(i).setColor('amber'), first);
    await other.waitForFunction((i) => window.phone.getCall(i)?.color === 'amber', first, { timeout: 5000 });
    await sleep(300);
    assert.equal(hook.received.length, 0, 'the receiver was down');

    const closedAt = Date.now();
    await leader.close({ runBeforeUnload: false });
    const ended = await waitCallState(other, first, 'ended', 10000);
    assert.match(ended.outcome.message, /tab that held the call was closed/, 'the closed leader\'s call ends in words');
    assert.equal(ended.outcome.cause, 'tab-closed', 'with a cause a program (and a translation) can read');
    const bye = await waitFor(() => messagesForCall(stackDir, firstSip).find((m) => m.method === 'BYE' && !m.status && m.direction === 'out' && !m.proto.startsWith('ws')), 8000);
    assert.ok(bye, 'the far end got a BYE for the closed page\'s call');
    await waitFor(async () => (await Promise.all([follower, other].map(roleOf))).includes('leader'), 5000);
    const roles = await Promise.all([follower, other].map(roleOf));
    assert.deepEqual([...roles].sort(), ['follower', 'leader'], 'one survivor leads');
    console.log(`# failover: the survivor leads ${Date.now() - closedAt} ms after the leader page was closed (upper bound)`);

    // A new call from the page that follows (so through the new leader).
    const survivorFollower = roles[0] === 'follower' ? follower : other;
    const survivorLeader = roles[0] === 'leader' ? follower : other;
    const second = await placeFrom(survivorFollower, 'b', NUMBER);
    await waitCallState(survivorLeader, second, 'connected');
    await waitCallState(survivorFollower, second, 'connected');
    await waitFor(() => kamailioWebSockets() === 1, 5000).catch(() => undefined);
    assert.equal(kamailioWebSockets(), 1, 'exactly one WebSocket at Kamailio after the failover');
    const secondSip = (await callIn(survivorLeader, second)).sipCallId;
    await survivorFollower.evaluate((i) => window.phone.getCall(i).hangup(), second);
    await waitFor(() => messagesForCall(stackDir, secondSip).find((m) => m.method === 'BYE' && !m.status && m.direction === 'out' && !m.proto.startsWith('ws')), 8000);
    for (const page of [survivorLeader, survivorFollower]) await waitCallState(page, second, 'ended');
    assert.ok((await callIn(survivorFollower, first)) !== null, 'the closed page\'s box is still shown');

    // The history: the call the first leader's page took away (ended here in words) and the new
    // leader's call; the cleared call did not come back.
    const storedHistoryIds = (page) =>
      page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('vc-phone:history:')).flatMap((key) => JSON.parse(localStorage.getItem(key)).map((entry) => entry.id)));
    await waitFor(async () => (await historyIds(survivorFollower)).includes(second), 5000);
    for (const page of [survivorLeader, survivorFollower]) assert.deepEqual(await historyIds(page), [second, first], 'the two calls since the clear in the history of each page');
    assert.deepEqual(await storedHistoryIds(survivorFollower), [second, first], 'and in storage');

    hook.setDown(false);
    const expectedTypes = async (id) =>
      survivorFollower.evaluate((i) => window.events.filter((e) => e.callId === i && e.type.startsWith('vc-call-') && e.type !== 'vc-call-removed').map((e) => e.type), id);
    const wanted = { [first]: await expectedTypes(first), [second]: await expectedTypes(second) };
    assert.ok(wanted[first].includes('vc-call-ended') && wanted[first].includes('vc-call-dtmf'), JSON.stringify(wanted[first]));
    const unique = (id) => [...new Map(hook.received.filter((e) => e.callId === id).map((e) => [e.id, e])).values()].sort((a, b) => a.sequence - b.sequence);
    await waitFor(() => unique(first).length >= wanted[first].length && unique(second).length >= wanted[second].length, 30000).catch(() => undefined);
    for (const id of [first, second]) {
      const got = unique(id);
      assert.deepEqual(got.map((e) => e.type), wanted[id], `every event of call ${id}, once, in order`);
      assert.deepEqual(got.map((e) => e.sequence), got.map((_, i) => i + 1), 'sequence 1..n');
    }
    console.log(`# webhook: ${unique(first).length} events of the closed leader's call and ${unique(second).length} of the survivor's call delivered, none lost`);
    for (const page of [follower, other]) assert.ok(!page.lines.some((line) => line.startsWith('pageerror')), page.lines.join('\n'));
  });
});

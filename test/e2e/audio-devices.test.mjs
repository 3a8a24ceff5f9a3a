// Audio devices and the pre-call check on the real stack (Chromium, whose fake devices list three
// microphones and three outputs). What is asserted comes from the far ends where it can:
// baresip's recording of the caller (loud after the microphone switch), Kamailio's SIP dump
// (one INVITE per call: the switch sent no re-INVITE), coturn's log (the check's allocation).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baresipRecordings, messagesForCall, waitFor } from './stack/far-end.mjs';
import { heardFromCaller, openPage, plan, sleep, stackDir, useBrowserAndServer } from './lib/harness.mjs';
import { watchPeerConnections } from './lib/browsers.mjs';
import { coturnMark, coturnSessions } from './lib/scenarios.mjs';

const AOR = `sip:agent@${plan.domain}`;
const BASE_CONFIG = { server: plan.wsUrl, aor: AOR, displayName: 'E2E Agent' };
const suite = useBrowserAndServer();

/** The test page with a phone; every peer connection it makes and every audio element it plays are recorded. */
async function phonePage(config = {}) {
  const opened = await openPage(suite.browser, `${suite.web.origin}/test/e2e/pages/phone.html`);
  await watchPeerConnections(opened.page);
  await opened.page.evaluate(() => {
    window.__vcAudios = [];
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (...args) {
      window.__vcAudios.push(this);
      return play.apply(this, args);
    };
  });
  await opened.page.evaluate((c) => window.makePhone(c), { ...BASE_CONFIG, ...config });
  await opened.page.evaluate(() => {
    window.audioEvents = [];
    for (const type of ['vc-audio-devices-change', 'vc-audio-device-lost', 'vc-audio-check']) {
      window.phone.addEventListener(type, (e) => window.audioEvents.push({ type, at: Date.now(), detail: JSON.parse(JSON.stringify(e.detail)) }));
    }
  });
  return opened;
}

async function waitState(page, name, state, timeout = 10000) {
  await page.waitForFunction(([n, s]) => window.callState(n)?.state === s, [name, state], { timeout });
}

/** The fake microphones Chromium lists (after the permission: with names). */
async function microphones(page) {
  return page.evaluate(async () => (await window.phone.audio.refresh({ askPermission: true })).filter((d) => d.kind === 'microphone'));
}

/** The audio sender of the newest peer connection: its track's device, state and settings. */
async function senderTrack(page) {
  return page.evaluate(() => {
    const sender = window.__vcPcs.at(-1)?.getSenders().find((s) => s.track?.kind === 'audio');
    const track = sender?.track;
    return track && { id: track.id, label: track.label, readyState: track.readyState, settings: track.getSettings() };
  });
}

describe('audio devices on the real stack', () => {
  it('switching the microphone mid-call: the far end keeps hearing the caller, with no re-INVITE; the speaker follows the choice', async () => {
    const { page, context } = await phonePage();
    const mics = await microphones(page);
    assert.ok(mics.length >= 2, `Chromium lists several fake microphones: ${JSON.stringify(mics)}`);
    const target = mics.find((m) => m.label === 'Fake Audio Input 2') ?? mics.at(-1);
    await page.evaluate(() => window.placeCall('s', '+44 20 7946 0958'));
    await waitState(page, 's', 'connected');
    const answeredAt = await page.evaluate(() => window.events.find((e) => e.type === 'vc-call-answered').at);
    const before = await senderTrack(page);
    assert.equal(before.readyState, 'live');
    await sleep(2500);
    const switchedAt = await page.evaluate(async (id) => {
      await window.phone.audio.useMicrophone(id);
      return Date.now();
    }, target.id);
    const after = await senderTrack(page);
    assert.notEqual(after.id, before.id, 'the sender carries a new track');
    assert.equal(after.settings.deviceId, target.id, `the new track is the chosen microphone: ${JSON.stringify(after)}`);
    assert.equal(after.label, target.label);
    assert.equal(after.readyState, 'live');
    const oldStopped = await page.evaluate((id) => !window.__vcPcs.at(-1).getSenders().some((s) => s.track?.id === id), before.id);
    assert.ok(oldStopped, 'the old track left the sender');

    // The speaker: the far end's audio element moves to the chosen output (setSinkId).
    const outputs = await page.evaluate(() => window.phone.audio.speakers.map((d) => d.id));
    assert.ok(outputs.length >= 1, 'Chromium lists fake outputs');
    await page.evaluate((id) => window.phone.audio.useSpeaker(id), outputs.at(-1));
    await page.waitForFunction((id) => window.__vcAudios.some((a) => a.sinkId === id), outputs.at(-1), { timeout: 5000 });

    await sleep(3500);
    await page.evaluate(() => window.calls.s.hangup());
    await waitState(page, 's', 'ended');
    const sipCallId = await page.evaluate(() => window.callState('s').sipCallId);

    // No re-INVITE: one INVITE from the browser for this call (and none relayed to baresip but the first).
    const invites = messagesForCall(stackDir, sipCallId).filter((m) => m.method === 'INVITE' && !m.status);
    assert.equal(invites.filter((m) => m.direction === 'in' && m.proto.startsWith('ws')).length, 1, `one INVITE from the browser: ${invites.map((m) => m.cseq)}`);
    assert.ok(invites.every((m) => /^1 INVITE/.test(m.cseq)), `only the first INVITE (CSeq 1): ${invites.map((m) => m.cseq)}`);

    // The far end: loud before and after the switch, no long silence at the switch.
    const recording = await waitFor(() => baresipRecordings(stackDir).find((r) => r.callId === sipCallId), 8000);
    const heard = heardFromCaller(recording.dec, { minSilenceMs: 1500 });
    const switchMs = switchedAt - answeredAt;
    const loudBefore = heard.loudBetween(0, switchMs);
    const loudAfter = heard.loudBetween(switchMs + 300, heard.audio.durationMs);
    console.log(`# microphone switch at ${switchMs} ms into the call: loud 100 ms windows before ${loudBefore}, after ${loudAfter}; long silences ${JSON.stringify(heard.silences)}`);
    assert.ok(loudBefore >= 3, `heard before the switch: ${loudBefore}`);
    assert.ok(loudAfter >= 4, `heard after the switch (the new microphone): ${loudAfter}`);
    assert.deepEqual(heard.silences, [], 'no long silence: the switch did not cut the audio');
    await context.close();
  });

  it('the chosen microphone and processing are used by new calls, also when an offer was made ahead with another one', async () => {
    const { page, context } = await phonePage();
    const mics = await microphones(page);
    const first = mics.find((m) => m.label === 'Fake Audio Input 1') ?? mics[0];
    // An offer made ahead (prewarm) with the default microphone...
    await page.evaluate(() => window.phone.prewarm());
    const madeAhead = await page.evaluate(() => window.__vcPcs.length);
    assert.ok(madeAhead >= 1, 'prewarm made an offer ahead');
    // ...then the agent chooses a microphone and switches processing off.
    await page.evaluate(async (id) => {
      await window.phone.audio.useMicrophone(id);
      await window.phone.audio.setProcessing({ echoCancellation: false, noiseSuppression: false, autoGainControl: false });
    }, first.id);
    await page.evaluate(() => window.placeCall('n', '+44 20 7946 0958'));
    await waitState(page, 'n', 'connected');
    const track = await senderTrack(page);
    assert.equal(track.settings.deviceId, first.id, `the call uses the chosen microphone: ${JSON.stringify(track)}`);
    assert.deepEqual(
      { echoCancellation: track.settings.echoCancellation, noiseSuppression: track.settings.noiseSuppression, autoGainControl: track.settings.autoGainControl },
      { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      'the processing switches reached getUserMedia',
    );
    await page.evaluate(() => window.calls.n.hangup());
    await waitState(page, 'n', 'ended');

    // Remembered: a new page (same storage) uses the same microphone with processing off.
    const page2 = await context.newPage();
    await page2.goto(`${suite.web.origin}/test/e2e/pages/phone.html`);
    await page2.waitForFunction(() => window.vcReady === true);
    const remembered = await page2.evaluate((c) => {
      window.makePhone(c);
      return { chosen: window.phone.audio.chosen, constraints: window.phone.audio.microphoneConstraints() };
    }, BASE_CONFIG);
    assert.equal(remembered.chosen.microphoneId, first.id);
    assert.deepEqual(remembered.constraints, { deviceId: { exact: first.id }, echoCancellation: false, noiseSuppression: false, autoGainControl: false });
    await context.close();
  });
});

describe('pre-call check on the real stack', () => {
  it('passes against the stack: microphone level, test tone, server answers OPTIONS (no REGISTER), host candidates', async () => {
    const { page, context } = await phonePage();
    const startedAt = Date.now();
    const report = await page.evaluate(() => window.phone.check());
    console.log(`# pre-call check (pass) took ${report.endedAt - report.startedAt} ms: ${report.items.map((i) => `${i.id}=${i.status}`).join(', ')}`);
    assert.equal(report.status, 'pass', JSON.stringify(report, null, 1));
    assert.deepEqual(report.items.map((i) => i.id), ['microphone', 'speaker', 'server', 'network']);
    const mic = report.items[0];
    assert.ok(mic.details.levelDbfs > -60, `the fake microphone's beeps were heard: ${mic.message}`);
    assert.ok(report.items[3].details.host >= 1, JSON.stringify(report.items[3]));
    assert.match(report.items[2].message, /answered in \d+ ms/);
    // Each line carries its code and values, which elements put in words of the page's language.
    assert.deepEqual(report.items.map((i) => i.code), ['microphone-ok', 'speaker-ok', 'server-ok', 'network-ok']);
    assert.equal(report.items[0].values.level, String(mic.details.levelDbfs));
    assert.equal(report.items[2].values.ms, String(report.items[2].details.roundTripMs));
    assert.equal(report.items[3].values.local, String(report.items[3].details.host));
    // Kamailio got our OPTIONS and answered it; no REGISTER was sent.
    const options = await waitFor(() => {
      const seen = sipMessagesSince(startedAt).filter((m) => m.method === 'OPTIONS');
      return seen.some((m) => m.status === 200) && seen;
    }, 5000);
    assert.ok(options.some((m) => m.direction === 'in' && !m.status && /vc-phone \(check\)/.test(m.raw)));
    assert.equal(sipMessagesSince(startedAt).filter((m) => m.method === 'REGISTER').length, 0, 'no REGISTER');
    const events = await page.evaluate(() => window.audioEvents.filter((e) => e.type === 'vc-audio-check'));
    assert.equal(events.length, 1);
    await context.close();
  });

  it('against an unreachable server it says so, in words, within its deadline', async () => {
    const { page, context } = await phonePage({ server: 'ws://127.0.0.1:9' });
    const report = await page.evaluate(() => window.phone.check({ speakerTone: false, stepDeadlineMs: 4000 }));
    const server = report.items.find((i) => i.id === 'server');
    assert.equal(report.status, 'fail');
    assert.equal(server.status, 'fail');
    assert.match(server.message, /could not be reached/);
    assert.match(server.fix, /firewall/);
    assert.equal(server.code, 'server-unreachable');
    assert.deepEqual(server.values, { host: '127.0.0.1:9' });
    assert.ok(report.endedAt - report.startedAt < 8000, `within the deadlines: ${report.endedAt - report.startedAt} ms`);
    await context.close();
  });

  it('with TURN configured: relay candidates found, and coturn allocated for the configured user', async () => {
    const mark = coturnMark('lt');
    const turn = { urls: plan.turn.longTerm.urls, username: plan.turn.longTerm.username, credential: plan.turn.longTerm.credential };
    const { page, context, consoleLines } = await phonePage({ iceServers: [turn] });
    const report = await page.evaluate(() => window.phone.check({ speakerTone: false }));
    const item = report.items.find((i) => i.id === 'turn');
    assert.equal(item?.status, 'pass', JSON.stringify(report, null, 1));
    assert.ok(item.details.relay >= 1);
    assert.deepEqual([item.code, item.values.count], ['turn-ok', String(item.details.relay)]);
    assert.ok(!JSON.stringify(report).includes(plan.turn.longTerm.credential), 'no TURN credential in the report');
    assert.ok(!consoleLines.join('\n').includes(plan.turn.longTerm.credential), 'nor in the console');
    const sessions = await waitFor(() => {
      const s = coturnSessions('lt', mark).filter((x) => x.allocated);
      return s.length && s;
    }, 5000);
    assert.ok(sessions.every((s) => s.user === plan.turn.longTerm.username));

    // A TURN server that does not answer: the check warns (not relay-only) in words.
    const dead = { urls: 'turn:127.0.0.1:9?transport=udp', username: 'x', credential: 'y' };
    await page.evaluate((c) => window.phone.configure(c), { iceServers: [dead] });
    const report2 = await page.evaluate(() => window.phone.check({ speakerTone: false, stepDeadlineMs: 4000 }));
    const item2 = report2.items.find((i) => i.id === 'turn');
    assert.equal(item2.status, 'warn', JSON.stringify(item2));
    assert.match(item2.message, /gave no relay address/);
    assert.deepEqual([item2.code, item2.values.server], ['turn-none', dead.urls]);
    await context.close();
  });
});

function sipMessagesSince(at) {
  return sipMessagesAll().filter((m) => m.time >= at - 50);
}

import { sipMessages } from './stack/far-end.mjs';
function sipMessagesAll() {
  return sipMessages(stackDir);
}

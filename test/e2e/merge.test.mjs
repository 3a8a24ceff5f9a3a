// Merge (a three-way conversation mixed in the browser) and early media / local ringback, on the
// real stack. What the far ends saw decides: party A (sipp) streams a 1400 Hz tone, party B
// (baresip) records what it decodes from the browser; the tone must reach B only while merged.
// Early media: packets counted by getStats before Kamailio relayed the 200 OK. Ringback: the
// page's Web Audio oscillators (observed from outside the library) run during a 180 and stop
// at the answer.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { baresipRecordings, messagesForCall, waitFor } from './stack/far-end.mjs';
import { numbers, plan, sleep, stackDir, useBrowserAndServer } from './lib/harness.mjs';
import { sippFarEnd } from './lib/sipp-far-end.mjs';
import { muLawTone, readWav, runs, toneWindows } from './lib/tones.mjs';

const suite = useBrowserAndServer();
const CONFIG = { server: plan.wsUrl, aor: `sip:agent@${plan.domain}`, displayName: 'E2E Agent', autoHold: false };
const TONE_HZ = 1400;
const WINDOW_MS = 200;

/** Logs every oscillator start/stop of the page's Web Audio (the ringback tone), without touching the library. */
function watchOscillators() {
  window.oscillators = [];
  const { start, stop } = OscillatorNode.prototype;
  OscillatorNode.prototype.start = function (...args) {
    window.oscillators.push({ what: 'start', at: Date.now(), hz: this.frequency.value, context: this.context });
    return start.apply(this, args);
  };
  OscillatorNode.prototype.stop = function (...args) {
    window.oscillators.push({ what: 'stop', at: Date.now(), hz: this.frequency.value });
    return stop.apply(this, args);
  };
}

async function phonePage(config = {}) {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const url = `${suite.web.origin}/test/e2e/pages/phone.html`;
  await context.grantPermissions(['microphone'], { origin: new URL(url).origin });
  await page.addInitScript(watchOscillators);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => window.vcReady === true, null, { timeout: 15000 });
  await page.evaluate((c) => window.makePhone(c), { ...CONFIG, ...config });
  return { page, context, errors };
}

async function place(page, name, to) {
  const placed = await page.evaluate(([n, t]) => window.placeCall(n, t), [name, to]);
  assert.equal(placed.error, undefined, `call refused: ${JSON.stringify(placed.error)}`);
}

async function waitState(page, name, states, timeout = 15000) {
  await page.waitForFunction(([n, wanted]) => wanted.includes(window.callState(n)?.state), [name, states], { timeout }).catch(async (error) => {
    throw new Error(`${name} never ${states.join('/')}: ${JSON.stringify(await page.evaluate((n) => window.callState(n), name))} (${error.message.split('\n')[0]})`);
  });
  return page.evaluate((n) => window.callState(n), name);
}

const oscillatorLog = (page) => page.evaluate(() => window.oscillators.map(({ what, at, hz, context }) => ({ what, at, hz, running: context?.state === 'running' })));
const eventsOf = (page, name) => page.evaluate((n) => window.events.filter((e) => e.callId === window.calls[n]?.id).map((e) => ({ type: e.type, at: e.at, detail: e.detail })), name);

/** The 200 OK to the INVITE as Kamailio relayed it to the browser. */
const okToBrowser = (sipCallId) => messagesForCall(stackDir, sipCallId).find((m) => m.direction === 'out' && m.status === 200 && /INVITE/.test(m.cseq) && /^ws/.test(m.proto));

describe('merge: two calls in one conversation, mixed in the browser', () => {
  it('party A\'s tone reaches party B while merged, not before and not after the split; when A hangs up, B still hears the agent', async (t) => {
    fs.writeFileSync(path.join(stackDir, 'merge-tone.ulaw'), muLawTone(TONE_HZ, 1));
    const toneFarEnd = await sippFarEnd('tone-answer');
    const { page, context, errors } = await phonePage();
    try {
      await place(page, 'a', toneFarEnd.uri);
      await waitState(page, 'a', ['connected']);
      await place(page, 'b', numbers.baresip);
      const b = await waitState(page, 'b', ['connected']);
      await sleep(3000); // B hears the agent only
      const mergedAt = Date.now();
      await page.evaluate(() => window.phone.merge(window.calls.a, window.calls.b));
      assert.deepEqual(await page.evaluate(() => [window.calls.a.mergedWith === window.calls.b.id, window.calls.b.mergedWith === window.calls.a.id]), [true, true]);
      await sleep(4000); // merged: B hears the agent and A's tone
      await page.evaluate(() => window.phone.split(window.calls.a));
      const splitAt = Date.now();
      await sleep(3000); // split: B hears the agent only again
      await page.evaluate(() => window.phone.merge(window.calls.a, window.calls.b));
      await sleep(2500);
      await page.evaluate(() => window.calls.a.hangup());
      await waitState(page, 'a', ['ended']);
      await sleep(3000); // A gone: B carries on with the agent, no tone
      assert.equal((await page.evaluate(() => window.callState('b'))).state, 'connected', 'B is still connected after A hung up');
      assert.equal(await page.evaluate(() => window.calls.b.mergedWith), undefined);
      const splitEvents = (await eventsOf(page, 'b')).filter((e) => e.type === 'vc-call-split').map((e) => e.detail.reason);
      assert.deepEqual(splitEvents, ['split', 'call-ended']);
      await page.evaluate(() => window.calls.b.hangup());
      await waitState(page, 'b', ['ended']);

      const { code, errors: sippErrors } = await toneFarEnd.done;
      assert.equal(code, 0, `party A (sipp) did not see the call through:\n${sippErrors}`);
      const recording = await waitFor(() => baresipRecordings(stackDir).find((r) => r.callId === b.sipCallId), 8000);
      const windows = toneWindows(readWav(recording.dec), TONE_HZ, WINDOW_MS);
      // The tone's own level at 1400 Hz (Chromium's fake microphone beeps at 400 Hz, a square wave: nothing at 1400 Hz).
      const withTone = (w) => w.toneRms > 1500;
      // A starved machine can drop the mix for a window or two as a merge starts or mid-merge: a
      // gap of up to 1 s (the calls stay split for 3 s) does not split a stretch.
      const joined = [];
      for (const run of runs(windows, withTone, WINDOW_MS)) {
        const last = joined.at(-1);
        if (last && run.startMs - last.endMs <= 1000) Object.assign(last, { endMs: run.endMs, ms: run.endMs - last.startMs });
        else joined.push({ ...run });
      }
      const toneRuns = joined.filter((run) => run.ms >= 600);
      const summary = JSON.stringify({ toneRuns, windows: windows.map((w) => `${w.startMs}:${w.rms}/${w.toneRms}/${w.share}`) });
      // Two stretches of A's tone: the first merge (~4 s) and the second (~2.5 s), nothing before, between or after.
      assert.equal(toneRuns.length, 2, `two merged stretches in B's recording: ${summary}`);
      const mergedMs = splitAt - mergedAt;
      assert.ok(Math.abs(toneRuns[0].ms - mergedMs) <= 1200, `first stretch ${toneRuns[0].ms} ms for a merge of ${mergedMs} ms: ${summary}`);
      assert.ok(toneRuns[1].ms >= 1400 && toneRuns[1].ms <= 4000, `second stretch ${toneRuns[1].ms} ms: ${summary}`);
      const toneless = (from, to) => windows.filter((w) => w.startMs >= from && w.startMs + WINDOW_MS <= to);
      // Each edge keeps two windows (400 ms) out: on a starved machine the mix can stutter as a
      // merge starts or ends (a window of tone, one without, then the run).
      const EDGE = 2 * WINDOW_MS;
      const before = toneless(0, toneRuns[0].startMs - EDGE);
      const between = toneless(toneRuns[0].endMs + EDGE, toneRuns[1].startMs - EDGE);
      const after = toneless(toneRuns[1].endMs + EDGE, windows.length * WINDOW_MS);
      for (const [name, stretch] of [['before the merge', before], ['after the split', between], ['after A hung up', after]]) {
        assert.ok(stretch.length >= 8, `enough of B's recording ${name}: ${summary}`);
        assert.ok(stretch.every((w) => !withTone(w)), `no tone ${name}: ${summary}`);
        // B kept hearing the agent (Chromium's fake microphone beeps) in every stretch.
        assert.ok(stretch.filter((w) => w.rms > 1000).length >= 2, `the agent heard ${name}: ${summary}`);
      }
      const loudestElsewhere = Math.max(...[...before, ...between, ...after].map((w) => w.toneRms));
      const quietestMerged = Math.min(...windows.filter((w) => toneRuns.some((r) => w.startMs >= r.startMs && w.startMs < r.endMs)).map((w) => w.toneRms));
      t.diagnostic(`B's recording: 1400 Hz stretches ${JSON.stringify(toneRuns)} (merges of ${mergedMs} ms and ~2500 ms); 1400 Hz level while merged >= ${quietestMerged}, elsewhere <= ${loudestElsewhere} (RMS, 16-bit)`);
      assert.deepEqual(errors, []);
    } finally {
      toneFarEnd.stop();
      await context.close();
    }
  });
});

describe('early media and local ringback', () => {
  it('183 with SDP: the far end\'s audio arrives (getStats) before the 200 OK; the box says early media only then; no local tone', async (t) => {
    fs.writeFileSync(path.join(stackDir, 'early-tone.ulaw'), muLawTone(TONE_HZ, 1));
    const far = await sippFarEnd('early-media-183');
    const { page, context, errors } = await phonePage();
    try {
      await place(page, 'call', far.uri);
      const early = await waitState(page, 'call', ['early-media', 'connected']);
      assert.equal(early.state, 'early-media');
      const stats = await page.evaluate(() => window.calls.call.getMediaStats());
      assert.ok(stats.received.packets > 0, `packets received in early media: ${JSON.stringify(stats)}`);
      t.diagnostic(`early media: ${stats.received.packets} packets received before the 200 OK`);
      assert.equal(okToBrowser(early.sipCallId), undefined, 'the 200 OK had not reached the browser yet');
      const ringing = (await eventsOf(page, 'call')).filter((e) => e.type === 'vc-call-ringing').map((e) => e.detail.earlyMedia);
      assert.deepEqual(ringing, [false, true], 'ringing on the 183, early media once packets arrived');
      await waitState(page, 'call', ['connected']);
      const ok = await waitFor(() => okToBrowser(early.sipCallId), 8000);
      const earlyAt = (await eventsOf(page, 'call')).find((e) => e.type === 'vc-call-ringing' && e.detail.earlyMedia).at;
      assert.ok(earlyAt < ok.time, 'early media was reported before the 200 OK left Kamailio');
      assert.deepEqual(await oscillatorLog(page), [], 'no local ringback over the far end\'s own audio');
      await page.evaluate(() => window.calls.call.hangup());
      await waitState(page, 'call', ['ended']);
      const { code, errors: sippErrors } = await far.done;
      assert.equal(code, 0, sippErrors);
      assert.deepEqual(errors, []);
    } finally {
      far.stop();
      await context.close();
    }
  });

  it('180 without SDP: a local ringback tone (UK cadence for a +44 number) runs until the answer, then stops', async (t) => {
    const far = await sippFarEnd('ringing-180');
    const { page, context, errors } = await phonePage();
    try {
      // The far end's address, dialled as a UK number so the cadence is the UK's.
      await page.evaluate((uri) => window.phone.configure({ numberToUri: () => uri }), far.uri);
      await place(page, 'call', '+442079460000');
      await waitState(page, 'call', ['ringing']);
      await page.waitForFunction(() => window.oscillators.some((o) => o.what === 'start'), null, { timeout: 5000 });
      const ringingLog = await oscillatorLog(page);
      assert.deepEqual(ringingLog.filter((o) => o.what === 'start').map((o) => o.hz).sort(), [400, 450], 'UK ringback: 400 + 450 Hz');
      assert.ok(ringingLog.every((o) => o.what !== 'start' || o.running), 'the tone\'s AudioContext is running');
      const answered = await waitState(page, 'call', ['connected']);
      await page.waitForFunction(() => window.oscillators.filter((o) => o.what === 'stop').length === 2, null, { timeout: 5000 });
      const log = await oscillatorLog(page);
      const ok = await waitFor(() => okToBrowser(answered.sipCallId), 8000);
      const stoppedAt = Math.max(...log.filter((o) => o.what === 'stop').map((o) => o.at));
      const startedAt = Math.min(...log.filter((o) => o.what === 'start').map((o) => o.at));
      assert.ok(stoppedAt - startedAt >= 2000, `the tone played while the far end rang (${stoppedAt - startedAt} ms)`);
      assert.ok(stoppedAt >= ok.time - 50, 'the tone stopped at the answer, not before');
      t.diagnostic(`ringback played ${stoppedAt - startedAt} ms, stopped ${(stoppedAt - ok.time).toFixed(1)} ms after Kamailio relayed the 200 OK`);
      await page.evaluate(() => window.calls.call.hangup());
      await waitState(page, 'call', ['ended']);
      assert.equal((await oscillatorLog(page)).length, 4, 'nothing started again');
      const { code, errors: sippErrors } = await far.done;
      assert.equal(code, 0, sippErrors);
      assert.deepEqual(errors, []);
    } finally {
      far.stop();
      await context.close();
    }
  });

  it('ringback: false plays no local tone', async () => {
    const far = await sippFarEnd('ringing-180');
    const { page, context, errors } = await phonePage({ ringback: false });
    try {
      await place(page, 'call', far.uri);
      await waitState(page, 'call', ['ringing']);
      await waitState(page, 'call', ['connected']);
      assert.deepEqual(await oscillatorLog(page), []);
      await page.evaluate(() => window.calls.call.hangup());
      await waitState(page, 'call', ['ended']);
      assert.equal((await far.done).code, 0);
      assert.deepEqual(errors, []);
    } finally {
      far.stop();
      await context.close();
    }
  });
});

// Call quality on the real stack: the drop-in <vc-phone> (CDN build) calls baresip through
// Kamailio and rtpengine. A normal call raises no warning and ends with plausible figures; a
// silent fake microphone (a silent WAV as Chromium's capture file) raises the silent-microphone
// warning; killing the media relay (rtpengine, by the PID stack.sh recorded) mid-call makes the
// box say that no audio arrives, within 4 s. rtpengine is started again (and recorded, so the
// stack's teardown stops it) and one more call proves the stack works for the tests after.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';
import { baresipRecordings, invitesTo, messagesForCall, waitFor } from './stack/far-end.mjs';
import { CHROMIUM_ARGS, heardFromCaller, numbers, openPage, sleep, stackDir, startStaticServer } from './lib/harness.mjs';

/** A mono 16-bit 48 kHz WAV (Chromium loops it as the microphone): silence, or a steady tone like a voice that never pauses. */
function silentWav(file, seconds = 2, toneHz = 0) {
  const rate = 48000;
  const data = rate * 2 * seconds;
  const wav = Buffer.alloc(44 + data);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + data, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(data, 40);
  for (let i = 0; toneHz && i < rate * seconds; i += 1) wav.writeInt16LE(Math.round(12000 * Math.sin((2 * Math.PI * toneHz * i) / rate)), 44 + i * 2);
  fs.writeFileSync(file, wav);
  return file;
}

const launch = (extra = []) => chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extra] });

/** Opens the drop-in element's page and records every vc-call-quality / ended event with its time. */
async function uiPage(browser, origin) {
  const opened = await openPage(browser, `${origin}/test/e2e/pages/ui.html`);
  await opened.page.evaluate(() => {
    window.quality = [];
    for (const type of ['vc-call-quality', 'vc-call-answered', 'vc-call-ended']) {
      document.addEventListener(type, (event) => window.quality.push({ type, at: Date.now(), detail: JSON.parse(JSON.stringify(event.detail)) }));
    }
  });
  return opened;
}

/** Places a call to baresip from the element, like an agent; resolves once it is connected. */
async function callBaresip(page) {
  const before = invitesTo(stackDir, numbers.baresip).length;
  await page.getByRole('button', { name: 'Place call' }).click();
  await page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('+442079460958', { delay: 20 });
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const box = page.getByRole('group', { name: /Call with \+44 20 7946 0958/ }).first();
  await box.getByText('Connected').first().waitFor({ timeout: 15000 });
  const invite = await waitFor(() => invitesTo(stackDir, numbers.baresip)[before], 8000);
  return { box, invite };
}

const events = (page, type) => page.evaluate((t) => window.quality.filter((e) => e.type === t), type);

async function hangUp(page, box, invite) {
  await box.getByRole('button', { name: 'Hang up' }).click();
  await waitFor(() => messagesForCall(stackDir, invite.callId).find((m) => m.method === 'BYE' && m.direction === 'in' && !m.status), 10000);
  return waitFor(async () => (await events(page, 'vc-call-ended')).at(-1), 10000);
}

/** The recorded "name pid starttime" of a stack process, checked against /proc (never a recycled PID). */
function stackProcess(name) {
  const line = fs.readFileSync(path.join(stackDir, 'pids'), 'utf8').trim().split('\n').filter((l) => l.startsWith(`${name} `)).at(-1);
  const [, pid, start] = line.split(' ');
  assert.equal(startTime(Number(pid)), start, `${name} (${pid}) is still the process stack.sh started`);
  return { pid: Number(pid), start };
}

function startTime(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[19];
}

/** Starts rtpengine again with the command line it had, and records it for `stack.sh down`. */
function restartRtpengine(argv) {
  const log = fs.openSync(path.join(stackDir, 'logs', 'rtpengine.log'), 'a');
  const child = spawn(argv[0], argv.slice(1), { cwd: path.join(stackDir, 'logs'), detached: true, stdio: ['ignore', log, log] });
  child.unref();
  fs.closeSync(log);
  fs.appendFileSync(path.join(stackDir, 'pids'), `rtpengine ${child.pid} ${startTime(child.pid)}\n`);
  return child.pid;
}

describe('call quality on the real stack', () => {
  let web;
  let browser;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-quality-'));
  before(async () => {
    web = await startStaticServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await web?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a normal 15 s call raises no warning, moves the level meter, and ends with plausible quality figures', async () => {
    const { page, context } = await uiPage(browser, web.origin);
    const { box, invite } = await callBaresip(page);
    // The meter follows the fake microphone's beeps (drawn per animation frame while connected).
    const levels = new Set();
    for (let i = 0; i < 40 && levels.size < 3; i += 1) {
      levels.add(await box.locator('[part="level-meter"] .level-bar').evaluate((bar) => bar.style.transform));
      await sleep(100);
    }
    assert.ok(levels.size >= 3, `the meter moved: ${[...levels].join(' ')}`);
    await sleep(15000);
    assert.deepEqual(await events(page, 'vc-call-quality'), [], 'no quality warning on a good call');
    assert.equal(await box.locator('[part="quality"] p').count(), 0, 'no warning line in the box');
    const ended = await hangUp(page, box, invite);
    const q = ended.detail.quality;
    console.log(`normal call summary: ${JSON.stringify(q)}`);
    assert.ok(q, 'vc-call-ended carries the quality summary');
    assert.match(q.codec, /^(opus|PCMA|PCMU)$/i);
    assert.ok(['host', 'relay'].includes(q.path), `path ${q.path}`);
    assert.ok(q.bytesSent > 10000 && q.bytesReceived > 10000, `bytes each way: ${q.bytesSent} / ${q.bytesReceived}`);
    // Above the low-MOS warning's 3.5 (no warning was raised), at most the E-model's 4.5 (G.711).
    // Not "above 4": a starved machine adds real delay (rtt up to 221 ms seen beside a busy loop,
    // MOS 3.98 then), and the figure is meant to say so.
    assert.ok(q.mos.min >= 3.5 && q.mos.avg <= 4.5 && q.mos.min <= q.mos.avg, `MOS ${JSON.stringify(q.mos)}`);
    assert.ok(q.packetLossPercent < 1, `loss ${q.packetLossPercent}`);
    assert.ok(q.jitterMs.max < 30 && q.rttMs.max < 400, `jitter ${JSON.stringify(q.jitterMs)} rtt ${JSON.stringify(q.rttMs)}`);
    assert.deepEqual(q.warnings, []);
    assert.ok(q.samples >= 12, `${q.samples} one-second samples over a call of 15 s and more`);
    await context.close();
  });

  it('a silent microphone raises the silent-microphone warning, in the box too', async () => {
    const wav = silentWav(path.join(tmp, 'silence.wav'));
    const silent = await launch([`--use-file-for-fake-audio-capture=${wav}`]);
    try {
      const { page } = await uiPage(silent, web.origin);
      const { box, invite } = await callBaresip(page);
      const [answered] = await events(page, 'vc-call-answered');
      const raised = await waitFor(async () => (await events(page, 'vc-call-quality')).find((e) => e.detail.warning === 'silent-microphone' && e.detail.raised), 20000);
      await box.getByText(/Your microphone has been silent for 10 s/).waitFor({ timeout: 5000 });
      console.log(`silent microphone: warning ${raised.at - answered.at} ms after the answer; figures ${JSON.stringify(raised.detail.figures)}`);
      assert.ok(raised.at - answered.at >= 10000, 'not before 10 s of flat level');
      // Silence is still sent as RTP: no "no audio" warning either way. (A starved machine may
      // also delay packets enough for a MOS or jitter warning: that is the network figures'
      // business, not this test's.)
      const noAudio = (warning) => warning.startsWith('no-audio-');
      const others = (await events(page, 'vc-call-quality')).map((e) => e.detail.warning).filter(noAudio);
      assert.deepEqual(others, [], 'audio still flows both ways (silence is sent as RTP)');
      const ended = await hangUp(page, box, invite);
      assert.ok(ended.detail.quality.warnings.includes('silent-microphone'), `warnings: ${ended.detail.quality.warnings}`);
      assert.deepEqual(ended.detail.quality.warnings.filter(noAudio), []);
    } finally {
      await silent.close();
    }
  });

  it('talking while muted (a steady tone as the microphone) shows "You\'re muted"; the far end hears nothing meanwhile', async () => {
    const wav = silentWav(path.join(tmp, 'tone.wav'), 2, 440);
    const talking = await launch([`--use-file-for-fake-audio-capture=${wav}`]);
    try {
      const { page } = await uiPage(talking, web.origin);
      const { box, invite } = await callBaresip(page);
      await sleep(2000);
      const hint = box.getByText("You're muted", { exact: true });
      assert.equal(await hint.count(), 0, 'not muted: no hint');
      const mute = box.getByRole('button', { name: 'Mute' });
      await mute.click();
      const mutedAt = Date.now();
      await hint.waitFor({ timeout: 3000 });
      console.log(`talking while muted: "You're muted" shown ${Date.now() - mutedAt} ms after Mute`);
      await sleep(Math.max(0, mutedAt + 3000 - Date.now()));
      await mute.click();
      await hint.waitFor({ state: 'detached', timeout: 3000 });
      await sleep(2500);
      await hangUp(page, box, invite);
      const recording = await waitFor(() => baresipRecordings(stackDir).find((r) => r.callId === invite.callId), 8000);
      const heard = heardFromCaller(recording.dec);
      assert.equal(heard.silences.length, 1, `the far end heard one silence, the mute: ${JSON.stringify(heard.silences)}`);
      assert.ok(heard.silences[0].endMs - heard.silences[0].startMs >= 2500, `the mute lasted at the far end: ${JSON.stringify(heard.silences)}`);
    } finally {
      await talking.close();
    }
  });

  it('the media relay killed mid-call: the box says no audio arrives within 4 s; the stack works again after', async () => {
    const { page, context } = await uiPage(browser, web.origin);
    const { box, invite } = await callBaresip(page);
    await sleep(3000);
    const rtpengine = stackProcess('rtpengine');
    const argv = fs.readFileSync(`/proc/${rtpengine.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const killedAt = Date.now();
    process.kill(rtpengine.pid, 'SIGKILL');
    let warning;
    try {
      warning = await waitFor(async () => (await events(page, 'vc-call-quality')).find((e) => e.detail.warning === 'no-audio-received' && e.detail.raised), 10000);
      await box.getByText('No audio from the other party for 3 s').waitFor({ timeout: 2000 });
    } finally {
      restartRtpengine(argv);
    }
    const shownAt = Date.now();
    const delay = warning.at - killedAt;
    console.log(`rtpengine killed: vc-call-quality no-audio-received ${delay} ms after the kill (box text seen ${shownAt - killedAt} ms after); figures ${JSON.stringify(warning.detail.figures)}`);
    // Within 4 s of the kill, after 3 s without audio by the browser's own count (from the last
    // packet's arrival). A starved relay can stop a moment before the kill itself (2933 ms after
    // the kill, 3073 ms of silence, seen beside a busy loop): at most 1 s before it.
    const silentForMs = warning.detail.figures.silentForMs;
    assert.ok(silentForMs >= 3000 && delay <= 4000, `warning ${delay} ms after the kill, after ${silentForMs} ms without audio`);
    assert.ok(silentForMs - delay < 1000, `the silence began with the kill: ${silentForMs} ms of it, ${delay} ms after the kill`);
    const ended = await hangUp(page, box, invite).catch(() => undefined);
    if (ended) assert.ok(ended.detail.quality.warnings.includes('no-audio-received'));
    await context.close();

    // rtpengine is back (and Kamailio uses it again once its 2 s disable time is over): a new call has audio both ways.
    await sleep(2500);
    const again = await uiPage(browser, web.origin);
    const next = await callBaresip(again.page);
    await sleep(4000);
    assert.deepEqual(await events(again.page, 'vc-call-quality'), [], 'the call after the restart is clean');
    const summary = (await hangUp(again.page, next.box, next.invite)).detail.quality;
    assert.ok(summary.bytesReceived > 5000, `audio arrives again: ${summary.bytesReceived} bytes`);
    await again.context.close();
  });
});

#!/usr/bin/env node
// Local ringback: how soon the tone stops after the far end answers, on real calls (a sipp far
// end rings with a 180 without SDP, then answers with a 200 OK). Measured in the page: from the
// 200 OK reaching the page's WebSocket (a listener registered before sip.js's) to the tone's
// oscillators being stopped, whose silence takes effect in the next audio render quantum (128
// samples). Same-run baselines: a task posted at the 200 OK (the event loop's own delay) and the
// library's vc-call-answered event (when a page could first react to the answer itself).
//   npm run bench:ringback [-- --rounds 7]
import { runInsideStack } from './lib/with-stack.mjs';

runInsideStack(import.meta.url, 'bench-ringback');

const { launchBrowser, plan, startStaticServer } = await import('../test/e2e/lib/harness.mjs');
const { sippFarEnd } = await import('../test/e2e/lib/sipp-far-end.mjs');

const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = Math.min(14, Math.max(3, Number(roundsArg > 0 ? process.argv[roundsArg + 1] : 7) || 7));

/** Runs in the page before its scripts: timestamps of the 200 OK, the tone's stop, and a baseline task. */
function instrument() {
  window.marks = [];
  const mark = (what, extra = {}) => window.marks.push({ what, at: performance.now(), ...extra });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && /^SIP\/2\.0 200/.test(event.data) && /CSeq:\s*\d+ INVITE/i.test(event.data)) {
          mark('200');
          setTimeout(() => mark('task'), 0);
        }
      });
    }
  };
  const { stop } = OscillatorNode.prototype;
  OscillatorNode.prototype.stop = function (...args) {
    mark('stop', { sampleRate: this.context.sampleRate });
    return stop.apply(this, args);
  };
}

const browser = await launchBrowser();
const web = await startStaticServer();
const results = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    const far = await sippFarEnd('ringing-180');
    const context = await browser.newContext();
    const page = await context.newPage();
    const url = `${web.origin}/test/e2e/pages/phone.html`;
    await context.grantPermissions(['microphone'], { origin: new URL(url).origin });
    await page.addInitScript(instrument);
    await page.goto(url);
    await page.waitForFunction(() => window.vcReady === true);
    await page.evaluate((c) => window.makePhone(c), { server: plan.wsUrl, aor: `sip:agent@${plan.domain}` });
    await page.evaluate((uri) => window.phone.configure({ numberToUri: () => uri }), far.uri);
    await page.evaluate(() => {
      window.phone.addEventListener('vc-call-answered', () => window.marks.push({ what: 'answered', at: performance.now() }));
    });
    const placed = await page.evaluate(() => window.placeCall('call', '+442079460000'));
    if (placed.error) throw new Error(JSON.stringify(placed.error));
    await page.waitForFunction(() => window.marks.filter((m) => m.what === 'stop').length >= 2 && window.marks.some((m) => m.what === 'answered') && window.marks.some((m) => m.what === 'task'), null, { timeout: 15000 });
    const marks = await page.evaluate(() => window.marks);
    await page.evaluate(() => window.calls.call.hangup());
    await page.waitForFunction(() => window.callState('call')?.state === 'ended', null, { timeout: 10000 });
    await context.close();
    await far.done;
    far.stop();
    const at = (what) => marks.find((m) => m.what === what).at;
    const ok = at('200');
    const stop = Math.max(...marks.filter((m) => m.what === 'stop').map((m) => m.at));
    const quantumMs = (128 / marks.find((m) => m.what === 'stop').sampleRate) * 1000;
    results.push({ stop: stop - ok, task: at('task') - ok, answered: at('answered') - ok, quantumMs });
  }
} finally {
  await browser.close();
  await web.close();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const frame = 1000 / 60;
const stop = median(results.map((r) => r.stop));
const task = median(results.map((r) => r.task));
const answered = median(results.map((r) => r.answered));
const quantum = results[0].quantumMs;
const worstAudible = Math.max(...results.map((r) => r.stop + r.quantumMs));
console.log(`Local ringback stop after the answer (180 without SDP, then 200 OK), ${ROUNDS} real calls through Kamailio to sipp`);
console.log(`  200 OK at the page -> tone stopped: median ${stop.toFixed(2)} ms (+ at most one render quantum, ${quantum.toFixed(2)} ms, until silent)`);
console.log(`    = ${((stop + quantum) / quantum).toFixed(1)} audio render quanta of 128 samples; ${((stop + quantum) / frame).toFixed(2)} display frames (16.7 ms); worst audible ${worstAudible.toFixed(2)} ms = ${(worstAudible / frame).toFixed(2)} frames`);
console.log(`  baselines, same run: a task posted at the 200 OK runs after ${task.toFixed(2)} ms (median); the page hears vc-call-answered after ${answered.toFixed(2)} ms`);
console.log(`  ratio tone stop / vc-call-answered: ${(stop / answered).toFixed(2)} (below 1: the tone is already stopped when the page learns of the answer)`);
console.log(`  per round (ms, stop/task/answered): ${results.map((r) => `${r.stop.toFixed(1)}/${r.task.toFixed(1)}/${r.answered.toFixed(1)}`).join('  ')}`);
// Fails when the tone outlives the page's own news of the answer (median over the rounds).
if (stop > answered) process.exitCode = 1;

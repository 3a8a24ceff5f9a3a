#!/usr/bin/env node
// Post-dial delay: from the agent's click on "Call" to the INVITE arriving at the SIP server
// (Kamailio's SIP dump), on loopback, against a bare sip.js page in the same run.
//   npm run bench:post-dial [-- --runs 7] [-- --trace]
// Runs inside a private network namespace with the project's SIP stack (like the e2e suite).
//
// Rows, interleaved round by round so that machine noise hits them alike:
//  - bare sip.js page (baseline): connected; the click makes an Inviter (sip.js's own demo way);
//  - API: `phone.call()` from code after `phone.prewarm()` (what an integration calling the API sees);
//  - UI: the drop-in <vc-phone> driven as an agent drives it, by accessible names: a real pointer
//    click on "Place call", the number typed at an agent's pace (a key every 120 ms), and a real
//    pointer click on "Call" right after the last digit. Microphone permission already granted
//    (as after the first call). Measured from the click's pointerdown (its input timestamp).
// Separately: the first call of a fresh page (fresh profile, nothing cached, permission NOT
// granted: the page sees 'prompt' and the fake microphone UI accepts on the click, as an agent
// clicking Allow at once would), the agent starting 1 s after load.
// --trace prints where the UI path's time goes (median per step, from bench/pages/ui-dial-trace.js).
import { runInsideStack } from './lib/with-stack.mjs';

const argValue = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const runs = argValue('runs', 7);
const showTrace = process.argv.includes('--trace');
runInsideStack(import.meta.url, 'bench-post-dial');

const { bundleBenchPage } = await import('./lib/bundle-page.mjs');
const { launchBrowser, openPage, sleep, stackDir, startStaticServer, numbers } = await import('../test/e2e/lib/harness.mjs');
const { messagesForCall, waitFor } = await import('../test/e2e/stack/far-end.mjs');

await bundleBenchPage('bare-sipjs');

const browser = await launchBrowser();
const web = await startStaticServer();
const target = `sip:${numbers.baresip}@127.0.0.1`;
/** What the agent types (formatting is the widget's job). */
const TYPED = numbers.baresip;
const KEY_DELAY_MS = 120;

async function inviteArrival(callId) {
  const invite = await waitFor(() => messagesForCall(stackDir, callId).find((m) => m.method === 'INVITE' && !m.status && m.direction === 'in'), 5000);
  return invite.time;
}

async function measureBare() {
  const { page, context } = await openPage(browser, `${web.origin}/bench/pages/bare-sipjs.html`);
  const { clickAt, callId } = await page.evaluate((t) => window.bareCall(t), target);
  const delay = (await inviteArrival(callId)) - clickAt;
  await sleep(300);
  await page.evaluate(() => window.bareHangup());
  await context.close();
  return delay;
}

/** The widget's Phone from code: warmed up while the agent types, then `phone.call()`. */
async function measureApi() {
  const { page, context } = await openPage(browser, `${web.origin}/test/e2e/pages/phone.html`);
  await page.evaluate(() => window.makePhone({ server: 'ws://127.0.0.1:5066', aor: 'sip:bench@127.0.0.1' }));
  await page.evaluate(() => window.phone.prewarm());
  await sleep(800); // the agent is still typing the number
  const placed = await page.evaluate((to) => window.placeCall('bench', to), numbers.baresip);
  const callId = await waitFor(() => page.evaluate(() => window.callState('bench')?.sipCallId), 5000);
  const delay = (await inviteArrival(callId)) - placed.clickAt;
  await sleep(300);
  await page.evaluate(() => window.calls.bench.hangup());
  await context.close();
  return delay;
}

/**
 * The drop-in element as an agent uses it. `fresh`: a new profile without the microphone
 * permission, the agent starting 1 s after the page loaded; otherwise permission is granted and
 * the agent starts 1.5 s after load (the page has been open a while).
 */
async function measureUi({ fresh = false } = {}) {
  const url = `${web.origin}/bench/pages/ui-dial.html`;
  let page;
  let context;
  if (fresh) {
    context = await browser.newContext();
    // The fake-media Chromium reports the microphone as granted everywhere: make this page see
    // 'prompt' until its first getUserMedia (which the fake UI then accepts at once, on the click).
    await context.addInitScript(() => {
      const query = navigator.permissions.query.bind(navigator.permissions);
      const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      let asked = false;
      navigator.mediaDevices.getUserMedia = (constraints) => ((asked = true), getUserMedia(constraints));
      navigator.permissions.query = (descriptor) =>
        descriptor?.name === 'microphone' && !asked ? Promise.resolve({ state: 'prompt', name: 'microphone', onchange: null, addEventListener() {}, removeEventListener() {} }) : query(descriptor);
    });
    page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.vcReady === true, null, { timeout: 15000 });
  } else {
    ({ page, context } = await openPage(browser, url));
  }
  const loadedAt = await page.evaluate(() => performance.timeOrigin);
  await sleep(fresh ? 1000 : 1500);
  await page.getByRole('button', { name: 'Place call' }).click();
  const field = page.getByRole('textbox', { name: 'Phone number' });
  await field.pressSequentially(TYPED, { delay: KEY_DELAY_MS });
  // Right after the last digit: a real pointer click (Playwright moves the mouse and presses it).
  await page.getByRole('button', { name: 'Call', exact: true }).click({ timeout: 5000 });
  const invite = await waitFor(() => page.evaluate(() => window.vcTrace.events.find((e) => e.name === 'ws:INVITE')), 5000);
  const arrival = await inviteArrival(invite.callId);
  const events = await page.evaluate(() => window.vcTrace.events);
  const lastKey = events.filter((e) => e.name === 'keydown').at(-1).at;
  const click = events.filter((e) => e.name === 'pointerdown' && e.target === 'button:Call').at(-1).at;
  await page.getByRole('button', { name: 'Hang up' }).click({ timeout: 5000 }).catch(() => undefined);
  await sleep(200);
  await context.close();
  return { delay: arrival - click, keyToClick: click - lastKey, steps: traceSteps(events, click, arrival), loadToClick: click - loadedAt };
}

/** Milliseconds from the click to each step of the call's way out (first occurrence after it). */
function traceSteps(events, click, arrival) {
  const after = events.filter((e) => e.at >= click - 0.5);
  const steps = {};
  const first = (name) => after.find((e) => e.name === name);
  for (const name of ['pointerup', 'click', 'getUserMedia:start', 'getUserMedia:done', 'pc:new', 'pc:createOffer:start', 'pc:createOffer:done', 'pc:setLocalDescription:done', 'ice:first-candidate', 'ws:INVITE']) {
    const event = first(name);
    if (event) steps[name] = event.at - click;
  }
  steps['INVITE at Kamailio'] = arrival - click;
  const chunks = after.filter((e) => e.name === 'chunk');
  steps.chunksAfterClick = chunks.map((c) => c.detail.replace(/-[\w-]{8}\.js$/, '.js')).join(' ') || '-';
  const longTasks = after.filter((e) => e.name === 'longtask' && e.at < arrival);
  steps.longTaskMs = longTasks.reduce((sum, e) => sum + e.duration, 0);
  return steps;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const results = { bare: [], api: [], ui: [], fresh: [] };
const uiRuns = [];
const freshRuns = [];
// Interleaved, so that machine noise hits every row alike.
for (let i = 0; i < runs; i++) {
  results.bare.push(await measureBare());
  results.api.push(await measureApi());
  const ui = await measureUi();
  uiRuns.push(ui);
  results.ui.push(ui.delay);
  const fresh = await measureUi({ fresh: true });
  freshRuns.push(fresh);
  results.fresh.push(fresh.delay);
}
await browser.close();
await web.close();

const baseline = median(results.bare);
console.log(`post-dial delay, click -> INVITE at Kamailio, loopback, ${runs} interleaved rounds (median; all runs in ms)`);
const rows = [
  ['bare', 'bare sip.js page (baseline)'],
  ['api', 'vc-phone API: prewarm(), then call()'],
  ['ui', 'vc-phone UI: typed, clicked "Call"'],
  ['fresh', 'vc-phone UI: first call of a fresh page'],
];
for (const [name, label] of rows) {
  const m = median(results[name]);
  console.log(`  ${label.padEnd(42)} ${String(m.toFixed(0)).padStart(5)} ms   ratio ${(m / baseline).toFixed(2)}   [${results[name].map((v) => v.toFixed(0)).join(', ')}]`);
}
console.log(`  (UI: last key -> click ${median(uiRuns.map((r) => r.keyToClick)).toFixed(0)} ms median; a key every ${KEY_DELAY_MS} ms; fresh page: click ${median(freshRuns.map((r) => r.loadToClick)).toFixed(0)} ms after navigation started, permission not yet granted)`);

if (showTrace) {
  for (const [label, list] of [['UI, permission granted', uiRuns], ['UI, first call of a fresh page', freshRuns]]) {
    console.log(`\ntrace, ${label}: ms after the click's pointerdown (median over ${list.length})`);
    const names = [...new Set(list.flatMap((r) => Object.keys(r.steps)))].filter((n) => n !== 'chunksAfterClick');
    for (const name of names) {
      const values = list.map((r) => r.steps[name]).filter((v) => typeof v === 'number');
      console.log(`  ${name.padEnd(30)} ${median(values).toFixed(1).padStart(7)}   (${values.length}/${list.length} runs)`);
    }
    const chunks = [...new Set(list.map((r) => r.steps.chunksAfterClick))];
    console.log(`  chunks fetched after the click: ${chunks.join(' | ')}`);
  }
}

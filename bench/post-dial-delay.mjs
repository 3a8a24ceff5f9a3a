#!/usr/bin/env node
// Post-dial delay: from the agent's click to the INVITE arriving at the SIP server, on loopback,
// measured at the server (Kamailio's SIP dump), against a bare sip.js page in the same run.
//   npm run bench:post-dial [-- --runs 7]
// Runs inside a private network namespace with the project's SIP stack (like the e2e suite).
import { runInsideStack } from './lib/with-stack.mjs';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
runInsideStack(import.meta.url, 'bench-post-dial');

const { bundleBenchPage } = await import('./lib/bundle-page.mjs');
const { launchBrowser, openPage, sleep, stackDir, startStaticServer, numbers } = await import('../test/e2e/lib/harness.mjs');
const { messagesForCall, waitFor } = await import('../test/e2e/stack/far-end.mjs');

await bundleBenchPage('bare-sipjs');

const browser = await launchBrowser();
const web = await startStaticServer();
const target = `sip:${numbers.baresip}@127.0.0.1`;

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

/** The widget's Phone as the elements use it: warmed up while the agent types, then the click. */
async function measureWidget({ prewarm }) {
  const { page, context } = await openPage(browser, `${web.origin}/test/e2e/pages/phone.html`);
  await page.evaluate(() => window.makePhone({ server: 'ws://127.0.0.1:5066', aor: 'sip:bench@127.0.0.1' }));
  if (prewarm) {
    await page.evaluate(() => window.phone.prewarm());
    await sleep(800); // the agent is still typing the number
  } else {
    await page.evaluate(() => window.phone.connect());
  }
  const placed = await page.evaluate((to) => window.placeCall('bench', to), numbers.baresip);
  const callId = await waitFor(() => page.evaluate(() => window.callState('bench')?.sipCallId), 5000);
  const delay = (await inviteArrival(callId)) - placed.clickAt;
  await sleep(300);
  await page.evaluate(() => window.calls.bench.hangup());
  await context.close();
  return delay;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const results = { bare: [], widgetCold: [], widgetWarm: [] };
// Interleaved, so that machine noise hits all three alike.
for (let i = 0; i < runs; i++) {
  results.bare.push(await measureBare());
  results.widgetCold.push(await measureWidget({ prewarm: false }));
  results.widgetWarm.push(await measureWidget({ prewarm: true }));
}
await browser.close();
await web.close();

const baseline = median(results.bare);
console.log(`post-dial delay, click -> INVITE at Kamailio, loopback, ${runs} runs each (median; all runs in ms)`);
for (const [name, label] of [['bare', 'bare sip.js page (baseline)'], ['widgetCold', 'vc-phone, connected, no warm-up'], ['widgetWarm', 'vc-phone, warmed up while typing']]) {
  const m = median(results[name]);
  console.log(`  ${label.padEnd(36)} ${String(m.toFixed(0)).padStart(5)} ms   ratio ${(m / baseline).toFixed(2)}   [${results[name].map((v) => v.toFixed(0)).join(', ')}]`);
}

#!/usr/bin/env node
// Start-up cost of the initial chunk in Chromium: the main thread's busy time from the
// `import()` of cdn/vc-phone.js to the first render of <vc-phone> (its "Place call" button
// rendered): compile + evaluate + define + first render, as a page pays it. Baseline in the same
// run: Lit alone (LitElement, css, html, decorators) with one small element rendered once.
//   npm run bench:startup [-- --runs 15]
// Each round is a fresh browser context (nothing cached, no code cache: the files are served
// no-store), the two entries interleaved. Busy time = the union of the renderer main thread's
// traced slices inside the window (tasks, microtask checkpoints, script), so loopback network
// waits do not count;
// the modules' top-level evaluation (v8.evaluateModule, with the compiling it does) is shown too.
import { bundleBenchPage } from './lib/bundle-page.mjs';
import { buildCdnIfStale } from '../scripts/lib/cdn-build.mjs';
import { launchBrowser, startStaticServer } from '../test/e2e/lib/harness.mjs';

const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 15;
const TARGET_MS = 5;

buildCdnIfStale();
await bundleBenchPage('lit-alone');
const browser = await launchBrowser();
const web = await startStaticServer();

/** Busy time of the page's main thread between the two marks, from one Chromium trace. */
function analyse(traceEvents) {
  const start = traceEvents.find((e) => e.name === 'vc-start' && e.cat.includes('blink.user_timing'));
  const end = traceEvents.find((e) => e.name === 'vc-end' && e.cat.includes('blink.user_timing'));
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start.pid);
  const inWindow = traceEvents
    .filter((e) => e.pid === start.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .map((e) => ({ name: e.name, from: Math.max(e.ts, start.ts), to: Math.min(e.ts + e.dur, end.ts) }))
    .filter((e) => e.to > e.from);
  // Busy = the union of every traced main-thread slice (tasks, microtask checkpoints, script):
  // nested and back-to-back slices count once.
  let busy = 0;
  let reached = start.ts;
  for (const slice of [...inWindow].sort((a, b) => a.from - b.from)) {
    if (slice.to <= reached) continue;
    busy += slice.to - Math.max(slice.from, reached);
    reached = slice.to;
  }
  const sum = (name) => inWindow.filter((e) => e.name === name).reduce((total, e) => total + (e.to - e.from), 0) / 1000;
  return { wall: (end.ts - start.ts) / 1000, busy: busy / 1000, evaluate: sum('v8.evaluateModule') };
}

async function measure(which) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${web.origin}/bench/pages/startup.html`);
  await page.waitForFunction(() => window.vcReady === true);
  await page.waitForTimeout(300); // let the page settle
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'v8'] });
  const rendered = await page.evaluate((w) => window.run(w), which);
  const buffer = await browser.stopTracing();
  await context.close();
  if (!rendered.hasPlaceCall) throw new Error(`${which}: nothing rendered`);
  return analyse(JSON.parse(buffer.toString()).traceEvents);
}

const results = { lit: [], vc: [] };
for (let i = 0; i < runs; i++) {
  results.lit.push(await measure('lit'));
  results.vc.push(await measure('vc-phone'));
}
await browser.close();
await web.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (value) => `${value.toFixed(1).padStart(5)} ms`;
console.log(`start-up, import() -> first render, Chromium main thread (median of ${runs} fresh contexts)`);
console.log(`  ${''.padEnd(40)} ${'busy'.padStart(8)} ${'evaluate'.padStart(8)} ${'wall'.padStart(8)}`);
for (const [key, label] of [['lit', 'Lit alone + one element (baseline)'], ['vc', 'cdn/vc-phone.js + <vc-phone>']]) {
  const list = results[key];
  console.log(`  ${label.padEnd(40)} ${fmt(median(list.map((r) => r.busy)))} ${fmt(median(list.map((r) => r.evaluate)))} ${fmt(median(list.map((r) => r.wall)))}`);
}
const vcBusy = median(results.vc.map((r) => r.busy));
const litBusy = median(results.lit.map((r) => r.busy));
console.log(`  vc-phone / Lit alone: ${(vcBusy / litBusy).toFixed(2)}x busy;  target ${TARGET_MS} ms: ${vcBusy <= TARGET_MS ? 'within' : 'over'}`);
console.log(`  all runs, vc-phone busy: [${results.vc.map((r) => r.busy.toFixed(1)).join(', ')}]`);

#!/usr/bin/env node
// Start-up cost of the initial chunk in Chromium, from the `import()` of cdn/vc-phone.js to the
// first render of <vc-phone> (its "Place call" button rendered, then style and layout forced),
// read from a performance trace of the renderer's main thread. Baseline in the same run: Lit
// alone (LitElement, css, html, decorators) with one small element rendered the same way.
//   npm run bench:startup [-- --runs 15]
// Each round is a fresh browser context (cold: nothing in the HTTP cache, no V8 code cache; the
// files are served no-store), the two entries interleaved; medians are printed.
// - work: the union of V8's compile / evaluate / run slices and style recalculation + layout,
//   i.e. what the issue defines as the start-up cost (nested slices count once);
// - busy: the union of every main-thread slice in the window (adds the task scheduler, IPC of the
//   module fetches and microtask checkpoints; loopback network waits still do not count);
// - compile, evaluate (v8.evaluateModule) and style+layout on their own.
// Tracing adds its own overhead to every slice, the same for both entries.
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

/** Slices the issue names as the start-up cost: V8 compile / evaluate / run, and style + layout. */
const SCRIPT_AND_RENDER = /^(v8\.|V8\.|FunctionCall$|EvaluateScript$|RunMicrotasks$|UpdateLayoutTree$|Layout$|ParseAuthorStyleSheet$|RecalculateStyles$)/;

/** Length of the union of [from, to) intervals (nested and back-to-back slices count once). */
function unionLength(slices) {
  let total = 0;
  let reached = -Infinity;
  for (const slice of [...slices].sort((a, b) => a.from - b.from)) {
    if (slice.to <= reached) continue;
    total += slice.to - Math.max(slice.from, reached);
    reached = slice.to;
  }
  return total;
}

/** Main-thread figures between the two marks, from one Chromium trace. */
function analyse(traceEvents) {
  const start = traceEvents.find((e) => e.name === 'vc-start' && e.cat.includes('blink.user_timing'));
  const end = traceEvents.find((e) => e.name === 'vc-end' && e.cat.includes('blink.user_timing'));
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start.pid);
  const inWindow = traceEvents
    .filter((e) => e.pid === start.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .map((e) => ({ name: e.name, from: Math.max(e.ts, start.ts), to: Math.min(e.ts + e.dur, end.ts) }))
    .filter((e) => e.to > e.from);
  const sum = (test) => inWindow.filter((e) => test(e.name)).reduce((total, e) => total + (e.to - e.from), 0) / 1000;
  return {
    wall: (end.ts - start.ts) / 1000,
    // Busy = every traced main-thread slice (tasks, IPC, microtask checkpoints, script, style).
    busy: unionLength(inWindow) / 1000,
    // Work = only what the issue counts: compiling, evaluating and running script, style and layout.
    work: unionLength(inWindow.filter((e) => SCRIPT_AND_RENDER.test(e.name))) / 1000,
    evaluate: sum((name) => name === 'v8.evaluateModule'),
    compile: sum((name) => /compile/i.test(name)),
    style: sum((name) => name === 'UpdateLayoutTree' || name === 'Layout'),
  };
}

async function measure(which) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${web.origin}/bench/pages/startup.html`);
  await page.waitForFunction(() => window.vcReady === true);
  await page.waitForTimeout(300); // let the page settle
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'v8', 'disabled-by-default-v8.compile', 'devtools.timeline'] });
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
const fmt = (value) => `${value.toFixed(1)} ms`;
console.log(`start-up, import() -> first render (forced style + layout), Chromium main thread, median of ${runs} fresh contexts (cold: no HTTP or code cache)`);
const cols = [['work', 'work'], ['compile', 'compile'], ['evaluate', 'evaluate'], ['style', 'style+lay'], ['busy', 'busy'], ['wall', 'wall']];
console.log(`  ${''.padEnd(40)} ${cols.map(([, label]) => label.padStart(10)).join('')}`);
for (const [key, label] of [['lit', 'Lit alone + one element (baseline)'], ['vc', 'cdn/vc-phone.js + <vc-phone>']]) {
  const list = results[key];
  console.log(`  ${label.padEnd(40)} ${cols.map(([field]) => fmt(median(list.map((r) => r[field]))).padStart(10)).join('')}`);
}
const vcWork = median(results.vc.map((r) => r.work));
const litWork = median(results.lit.map((r) => r.work));
const vcBusy = median(results.vc.map((r) => r.busy));
const litBusy = median(results.lit.map((r) => r.busy));
console.log(`  work = V8 compile/evaluate/run + style/layout (the issue's definition); busy = every main-thread slice (adds task and IPC overhead)`);
console.log(`  vc-phone / Lit alone: ${(vcWork / litWork).toFixed(2)}x work, ${(vcBusy / litBusy).toFixed(2)}x busy;  target ${TARGET_MS} ms of work: ${vcWork <= TARGET_MS ? 'within' : 'over'}`);
console.log(`  all runs, vc-phone work: [${results.vc.map((r) => r.work.toFixed(1)).join(', ')}]`);
console.log(`  all runs, Lit alone work: [${results.lit.map((r) => r.work.toFixed(1)).join(', ')}]`);

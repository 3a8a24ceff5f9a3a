#!/usr/bin/env node
// Start-up cost of the initial chunk in Chromium, from the `import()` of cdn/vc-phone.js to the
// first render of <vc-phone> (its "Place call" button rendered, then style and layout forced),
// read from a performance trace of the renderer's main thread. Baseline in the same run: Lit
// alone (LitElement, css, html, decorators) with one small element rendered the same way.
//   npm run bench:startup [-- --runs 15]
// Two visits, each in a fresh browser context, the two entries interleaved; medians are printed:
// - first visit: nothing cached (the files are served no-store: no HTTP cache, no V8 code cache);
// - return visit: the files are served cacheable, as a CDN serves them, and the page was opened
//   three times before the measured load, so Chromium has them in its HTTP cache and V8 has its
//   code cache (what an agent gets on every load of the CRM after the first one).
// Figures:
// - work: the union of V8's compile / evaluate / run slices and style recalculation + layout,
//   i.e. what the issue defines as the start-up cost (nested slices count once);
// - busy: the union of every main-thread slice in the window (adds the task scheduler, IPC of the
//   module fetches and microtask checkpoints; loopback network waits still do not count);
// - compile: a module's top-level compile on the main thread (V8 compiles a module it streams
//   from the network off it; functions it compiles lazily as they first run count in evaluate),
//   evaluate (v8.evaluateModule) and style+layout.
// The trace records V8's top-level categories only: the detailed compile category
// (disabled-by-default-v8.compile) adds its own overhead to every compile slice it records
// (a first visit measured 14.6 ms of work with it, 10.2 ms without, on this machine).
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
// The same files, served as a CDN serves them (cacheable), for the return visit.
const cachedWeb = await startStaticServer({ headers: { 'cache-control': 'public, max-age=3600' } });

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

/** Opens the bench page and runs nothing yet. */
async function open(page, origin) {
  await page.goto(`${origin}/bench/pages/startup.html`);
  await page.waitForFunction(() => window.vcReady === true);
}

async function measure(which, visit) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const origin = visit === 'return' ? cachedWeb.origin : web.origin;
  if (visit === 'return') {
    // Earlier visits: V8 keeps a module's code cache once it has run it on a couple of loads.
    for (let i = 0; i < 3; i++) {
      await open(page, origin);
      await page.evaluate((w) => window.run(w), which);
    }
  }
  await open(page, origin);
  await page.waitForTimeout(300); // let the page settle
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'v8', 'devtools.timeline'] });
  const rendered = await page.evaluate((w) => window.run(w), which);
  const buffer = await browser.stopTracing();
  await context.close();
  if (!rendered.hasPlaceCall) throw new Error(`${which}: nothing rendered`);
  return analyse(JSON.parse(buffer.toString()).traceEvents);
}

const VISITS = { first: 'first visit (nothing cached)', return: 'return visit (HTTP + V8 code cache)' };
const results = { first: { lit: [], vc: [] }, return: { lit: [], vc: [] } };
for (let i = 0; i < runs; i++) {
  for (const visit of Object.keys(VISITS)) {
    results[visit].lit.push(await measure('lit', visit));
    results[visit].vc.push(await measure('vc-phone', visit));
  }
}
await browser.close();
await web.close();
await cachedWeb.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (value) => `${value.toFixed(1)} ms`;
const cols = [['work', 'work'], ['compile', 'compile'], ['evaluate', 'evaluate'], ['style', 'style+lay'], ['busy', 'busy'], ['wall', 'wall']];
console.log(`start-up, import() -> first render (forced style + layout), Chromium main thread, median of ${runs} fresh contexts per row`);
console.log(`  ${''.padEnd(44)} ${cols.map(([, label]) => label.padStart(10)).join('')}`);
for (const [visit, title] of Object.entries(VISITS)) {
  console.log(`  ${title}`);
  for (const [key, label] of [['lit', 'Lit alone + one element (baseline)'], ['vc', 'cdn/vc-phone.js + <vc-phone>']]) {
    const list = results[visit][key];
    console.log(`    ${label.padEnd(42)} ${cols.map(([field]) => fmt(median(list.map((r) => r[field]))).padStart(10)).join('')}`);
  }
}
console.log(`  work = V8 compile/evaluate/run + style/layout (the issue's definition); busy = every main-thread slice (adds task and IPC overhead)`);
for (const [visit, title] of Object.entries(VISITS)) {
  const vcWork = median(results[visit].vc.map((r) => r.work));
  const litWork = median(results[visit].lit.map((r) => r.work));
  const ratio = (vcWork / litWork).toFixed(2);
  const verdict = vcWork <= TARGET_MS ? 'within' : 'over';
  console.log(`  ${title}: vc-phone ${fmt(vcWork)} of work = ${ratio}x Lit alone (${fmt(litWork)}); target ${TARGET_MS} ms: ${verdict}`);
  console.log(`    all runs, vc-phone: [${results[visit].vc.map((r) => r.work.toFixed(1)).join(', ')}]; Lit alone: [${results[visit].lit.map((r) => r.work.toFixed(1)).join(', ')}]`);
}

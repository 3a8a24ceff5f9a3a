#!/usr/bin/env node
// UI performance of the drop-in element with the public fake phone (no SIP server needed):
//  - frames: 20 connected boxes with running timers vs the same page without the widget;
//  - heap: 500 call cycles (place, answer, DTMF, mute, hang up, bin) after a 50-cycle warm-up.
//   npm run bench:ui [-- --cycles 500 --boxes 20]
import { launchBrowser, openPage, startStaticServer } from '../test/e2e/lib/harness.mjs';
import { bundleBenchPage } from './lib/bundle-page.mjs';

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const cycles = arg('cycles', 500);
const boxes = arg('boxes', 20);
const warmUp = 50;

await bundleBenchPage('fake-widget');

const browser = await launchBrowser();
const web = await startStaticServer();
const url = `${web.origin}/bench/pages/fake-widget.html`;

// Frames: the same page measured bare, then with the widget and its boxes, in one run.
{
  const { page, context } = await openPage(browser, url);
  const bare = await page.evaluate(() => window.frameStats(5000));
  await page.evaluate(() => window.mountWidget());
  await page.evaluate((n) => window.connectedCalls(n), boxes);
  const busy = await page.evaluate(() => window.frameStats(5000));
  console.log(`frames over 5 s (a frame over 25 ms counts as dropped)`);
  console.log(`  page without the widget            ${bare.frames} frames, ${bare.dropped} dropped, worst ${bare.worstMs.toFixed(1)} ms`);
  console.log(`  ${String(boxes).padStart(2)} connected boxes, timers running  ${busy.frames} frames, ${busy.dropped} dropped, worst ${busy.worstMs.toFixed(1)} ms   (frames ratio ${(busy.frames / bare.frames).toFixed(2)})`);
  await context.close();
}

// Heap: forced GC through the DevTools protocol before each reading.
{
  const { page, context } = await openPage(browser, url);
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.evaluate(() => window.mountWidget());
  await page.evaluate((n) => window.callCycles(n), warmUp);
  const baseline = await heap();
  const started = Date.now();
  const half = Math.floor((cycles - warmUp) / 2);
  await page.evaluate((n) => window.callCycles(n), half);
  const middle = await heap();
  await page.evaluate((n) => window.callCycles(n), cycles - warmUp - half);
  const seconds = (Date.now() - started) / 1000;
  const after = await heap();
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  const perCycle = (bytes, n) => `${(bytes / n).toFixed(0)} B/cycle`;
  console.log(`heap over ${cycles} call cycles (baseline after ${warmUp} warm-up cycles; a leak grows in both halves)`);
  console.log(`  baseline ${kib(baseline)}, after ${warmUp + half} cycles ${kib(middle)}, after ${cycles} ${kib(after)}`);
  console.log(`  first half ${perCycle(middle - baseline, half)}, second half ${perCycle(after - middle, cycles - warmUp - half)}; total growth ${(((after - baseline) / baseline) * 100).toFixed(1)} %; ${((cycles - warmUp) / seconds).toFixed(0)} cycles/s`);
  await context.close();
}

await browser.close();
await web.close();

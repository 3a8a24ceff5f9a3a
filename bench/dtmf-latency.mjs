#!/usr/bin/env node
// DTMF latency on a real call: from the agent's key press on the dialpad to the RFC 4733 tone
// starting in the browser's RTCDTMFSender, against one display frame (16.7 ms at 60 Hz); then a
// burst typed faster than tones can play, to show none is lost and how they are spaced.
//   npm run bench:dtmf
import { runInsideStack } from './lib/with-stack.mjs';

runInsideStack(import.meta.url, 'bench-dtmf');

const { launchBrowser, openPage, sleep, stackDir, startStaticServer } = await import('../test/e2e/lib/harness.mjs');
const { baresipDtmf, logSize, waitFor } = await import('../test/e2e/stack/far-end.mjs');

const browser = await launchBrowser();
const web = await startStaticServer();
const { page, context } = await openPage(browser, `${web.origin}/bench/pages/dtmf.html`);
const mark = logSize(stackDir, 'baresip');
await page.getByRole('button', { name: 'Place call' }).click();
await page.getByRole('textbox', { name: 'Phone number' }).fill('+44 20 7946 0958');
await page.getByRole('button', { name: 'Call', exact: true }).click();
const box = page.getByRole('group', { name: /Call with/ });
await box.getByText('Connected').first().waitFor({ timeout: 10000 });
await sleep(500);

// Single presses, spaced out: the press-to-tone latency.
const singles = ['1', '5', '9', '0', '#', '*', '2', '8'];
const keyName = { 1: '1', 2: '2 ABC', 5: '5 JKL', 8: '8 TUV', 9: '9 WXYZ', 0: '0 +', '#': '#', '*': '*' };
for (const digit of singles) {
  await box.getByRole('button', { name: keyName[digit], exact: true }).click();
  await sleep(400);
}
const { presses, tones } = await page.evaluate(() => ({ presses: window.presses, tones: window.tones }));
const pressTimes = presses.slice(-singles.length);
const latencies = tones.slice(0, singles.length).map((tone, i) => tone.at - pressTimes[i]);

// A burst: ten digits typed on the keyboard with no pause.
await page.evaluate(() => {
  window.tones = [];
});
const burst = '1234567890';
await box.getByRole('button', { name: '1', exact: true }).focus();
await page.keyboard.type(burst, { delay: 0 });
const burstTones = await waitFor(() => page.evaluate((n) => window.tones.length >= n && window.tones, burst.length), 10000);
const farEnd = await waitFor(() => {
  const seen = baresipDtmf(stackDir, mark).rfc4733;
  return seen.length >= singles.length + burst.length && seen;
}, 10000);
await box.getByRole('button', { name: 'Close' }).click();
await page.getByRole('dialog').getByRole('button', { name: 'Hang up' }).click();
await context.close();
await browser.close();
await web.close();

const frame = 1000 / 60;
const sorted = [...latencies].sort((a, b) => a - b);
console.log('DTMF on a real call through Kamailio + rtpengine to baresip');
console.log(`  key press -> RFC 4733 tone starts: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, worst ${sorted.at(-1).toFixed(1)} ms over ${latencies.length} presses; one frame = ${frame.toFixed(1)} ms (worst / frame = ${(sorted.at(-1) / frame).toFixed(2)})`);
const gaps = burstTones.slice(1).map((tone, i) => tone.at - burstTones[i].at);
console.log(`  burst of ${burst.length} digits typed with no pause: ${burstTones.map((t) => t.digit).join('')} sent in order, one every ${(gaps.reduce((a, b) => a + b, 0) / gaps.length).toFixed(0)} ms (we ask for 100 ms tones with 70 ms gaps; Chromium's sender spaces them further)`);
console.log(`  far end (baresip) decoded: ${farEnd.join('')}  (expected ${singles.join('')}${burst})`);
if (farEnd.join('') !== singles.join('') + burst) process.exitCode = 1;

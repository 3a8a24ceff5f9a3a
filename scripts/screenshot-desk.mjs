#!/usr/bin/env node
// Screenshots of the agent's desk for the README (docs/desk-*.png): light, dark, 320 px, five
// calls in a wide panel, and keyboard focus. The real <vc-phone> against the fake phone, in
// headless Chromium; the demo is bundled outside the repo (/tmp/vc-desk-shots).
//   node scripts/screenshot-desk.mjs [docsDir]
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openScenePage } from './lib/scene-page.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docs = resolve(process.argv[2] ?? join(root, 'docs'));
const work = '/tmp/vc-desk-shots';
await mkdir(docs, { recursive: true });

const entry = `
import '${root}/src/vc-phone.ts';
import { FakePhone, settle } from '${root}/src/testing/fake-phone.ts';

const label = (call, name) => Object.defineProperty(call, 'label', { value: name, configurable: true });

/** Five calls: a busy one and an ended one (Recent rows), one on hold, one ringing, one connected and muted. */
async function fiveCalls() {
  const phone = new FakePhone();
  label(await phone.callInState('failed', '+33 1 42 68 53 00', 486), 'Bistro Lafayette');
  label(await phone.callInState('ended', '+61 2 9123 4567'), 'Sydney office');
  const held = label(await phone.callInState('connected', '+49 30 901820'), 'Jonas Becker');
  held.setColor('amber');
  await held.hold?.().catch(() => undefined);
  label(await phone.callInState('ringing', 'sip:priya.raman.longname@support.example.com'), 'Priya Raman, Northwind Traders (escalation)');
  const live = label(await phone.callInState('connected', '+44 20 7946 0958'), 'Alice Martin');
  live.setColor('green');
  live.mute();
  live.sendDtmf('42');
  await settle();
  return phone;
}

window.ready = (async () => {
  for (const id of ['light', 'dark', 'narrow', 'five', 'keyboard']) {
    const el = Object.assign(document.createElement('vc-phone'), { phone: await fiveCalls(), silent: true });
    if (id === 'dark') el.setAttribute('theme', 'dark');
    document.getElementById(id).append(el);
  }
})();
`;

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #eef1f4; }
  .scene { padding: 16px; }
  #light, #keyboard { width: 420px; }
  #dark { width: 420px; background: #0d1117; }
  #narrow { width: 320px; padding: 0; }
  #five { width: 960px; }
  @media (prefers-reduced-motion: no-preference) { }
</style></head><body>
<div class="scene" id="light"></div>
<div class="scene" id="dark"></div>
<div class="scene" id="narrow"></div>
<div class="scene" id="five"></div>
<div class="scene" id="keyboard"></div>
<script src="desk.js"></script></body></html>`;

const { browser, page } = await openScenePage({ work, entry, html, scriptName: 'desk.js', pageOptions: { viewport: { width: 1000, height: 900 }, deviceScaleFactor: 2, reducedMotion: 'reduce' } });
try {
  await page.waitForTimeout(300); // let every element upgrade and render (a screenshot, not a test)
  // Keyboard focus: Tab from the Alice box's Mute (through Hold, Merge and Transfer) to Hang up, with the keypad open.
  const keyboard = page.locator('#keyboard');
  const alice = keyboard.getByRole('group', { name: 'Call with Alice Martin' });
  await alice.getByRole('button', { name: 'Keypad' }).click();
  await alice.getByRole('button', { name: 'Mute' }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  for (const [id, file] of [['light', 'desk-light'], ['dark', 'desk-dark'], ['narrow', 'desk-320'], ['five', 'desk-five-calls'], ['keyboard', 'desk-keyboard-focus']]) {
    await page.locator(`#${id}`).screenshot({ path: join(docs, `${file}.png`) });
  }
  console.log(`screenshots in ${docs}`);
} finally {
  await browser.close();
}

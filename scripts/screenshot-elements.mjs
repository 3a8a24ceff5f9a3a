#!/usr/bin/env node
// Screenshots of the elements in each state, against the fake phone, in headless Chromium.
// Bundles a small demo (esbuild, into /tmp/vc-shots, outside the repo) and writes PNGs there.
//   node scripts/screenshot-elements.mjs [outDir]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openScenePage } from './lib/scene-page.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? '/tmp/vc-shots');

const entry = `
import '${root}/src/vc-phone.ts';
import { FakePhone, settle } from '${root}/src/testing/fake-phone.ts';

async function scene(id, title, make) {
  const section = document.createElement('section');
  section.id = id;
  section.innerHTML = '<h2>' + title + '</h2>';
  document.querySelector('main').append(section);
  await make(section);
}
const phoneEl = (phone) => Object.assign(document.createElement('vc-phone'), { phone, silent: true });
/** The first call box of a <vc-phone>, once its lazily defined list has rendered it (5 s at most). */
async function firstBox(el) {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const box = el.shadowRoot?.querySelector('vc-call-list')?.shadowRoot?.querySelector('vc-call-box');
    if (box?.shadowRoot?.querySelector('vc-color-tag')) return box;
  }
  throw new Error('no call box rendered within 5 s');
}
window.firstBox = firstBox;

window.ready = (async () => {
  await scene('idle', 'Idle', async (s) => s.append(phoneEl(new FakePhone())));

  await scene('invalid', 'Invalid number', async (s) => {
    const el = document.createElement('vc-place-call');
    el.phone = new FakePhone();
    el.open = true;
    el.value = '020 7946 0958';
    s.append(el);
  });

  await scene('valid', 'Valid number', async (s) => {
    const el = document.createElement('vc-place-call');
    el.phone = new FakePhone();
    el.open = true;
    el.value = '+44 20 7946 0958';
    s.append(el);
  });

  await scene('disabled', 'Calling switched off', async (s) => {
    s.append(phoneEl(new FakePhone({ enabled: false, disabledReason: 'Outbound calling is switched off for this queue.' })));
  });

  const boxes = async (s) => {
    const phone = new FakePhone({}, { autoRing: false });
    await phone.call('+33 1 42 68 53 00');
    await settle();
    const ringing = await phone.call('sip:support@example.com');
    await settle();
    phone.far(ringing).ring();
    const connected = await phone.call('+44 20 7946 0958');
    await settle();
    phone.far(connected).answer();
    connected.mute();
    connected.setColor('blue');
    connected.sendDtmf('5');
    const busy = await phone.call('+1 415 555 0132');
    await settle();
    phone.far(busy).reject(486);
    busy.setColor('amber');
    phone.microphone = 'denied';
    const denied = await phone.call('+49 30 901820');
    await settle();
    denied.setColor('red');
    s.append(phoneEl(phone));
  };
  await scene('boxes', 'Several calls', boxes);

  await scene('dialog', 'Close: confirmation', async (s) => {
    const phone = new FakePhone();
    await phone.callInState('connected', '+44 20 7946 0958');
    s.append(phoneEl(phone));
  });

  await scene('palette', 'Colour tag palette', async (s) => {
    const phone = new FakePhone();
    const call = await phone.callInState('connected', '+44 20 7946 0958'); // finished calls are Recent rows, without a palette
    call.setColor('green');
    const el = phoneEl(phone);
    s.append(el);
    (await firstBox(el)).shadowRoot.querySelector('vc-color-tag').open = true;
  });

  await scene('dark', 'Dark theme (tokens on the section)', async (s) => {
    s.classList.add('dark');
    await boxes(s);
  });
  await new Promise((r) => setTimeout(r, 300));
})();
`;

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>vc-phone states</title>
<style>
  body { margin: 0; padding: 24px; background: #eef0f3; font: 14px system-ui, sans-serif; color: #1c2128; }
  main { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
  section { width: 380px; padding: 16px; background: #fafbfc; border-radius: 8px; }
  section h2 { margin: 0 0 12px; font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: #59636e; }
  section#dialog { min-height: 360px; }
  section#palette { min-height: 300px; }
  .dark { background: #16191d; color: #e6e8eb;
    --vc-color-surface: #1f2328; --vc-color-surface-alt: #2a2f36; --vc-color-text: #e6e8eb;
    --vc-color-text-muted: #9ba5b0; --vc-color-border: #3a414a; --vc-color-accent: #5b8def;
    --vc-color-danger: #f0715a; --vc-color-success: #4cc38a; --vc-color-hover: rgb(255 255 255 / .07); }
  .dark h2 { color: #9ba5b0; }
</style></head><body><main></main><script src="demo.js"></script></body></html>`;

const { browser, page } = await openScenePage({ work: out, entry, html, scriptName: 'demo.js', pageOptions: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 } });
try {
  await page.waitForTimeout(1200); // the invalid field calls out its error; timers tick
  for (const id of ['idle', 'invalid', 'valid', 'disabled', 'boxes', 'palette', 'dark']) {
    await page.locator(`#${id}`).screenshot({ path: join(out, `${id}.png`) });
  }
  await page.screenshot({ path: join(out, 'overview.png'), fullPage: true });
  const box = (selector) =>
    page.evaluate(async (selector) => {
      const el = await window.firstBox(document.querySelector('#dialog vc-phone'));
      el.shadowRoot.querySelector(selector).focus();
    }, selector);
  // Keyboard focus ring: Tab from the Mute button to the first dialpad key.
  await box('vc-mute-button');
  await page.keyboard.press('Tab');
  await page.locator('#dialog').screenshot({ path: join(out, 'focus.png') });
  // The confirmation (modal, in the top layer): open it with the keyboard, screenshot the viewport.
  await box('[part="close-button"]');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  await page.locator('#dialog').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, 'dialog.png') });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
}

#!/usr/bin/env node
// Screenshots of the desk in French and in Arabic (right to left) for the README
// (docs/desk-fr.png, docs/desk-ar.png): the real <vc-phone> against the fake phone, under a
// lang attribute, with the number field open on a refused entry (the validation words).
//   node scripts/screenshot-locales.mjs [docsDir]
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openScenePage } from './lib/scene-page.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docs = resolve(process.argv[2] ?? join(root, 'docs'));
const work = '/tmp/vc-locale-shots';
await mkdir(docs, { recursive: true });

const entry = `
import '${root}/src/vc-phone.ts';
import { FakePhone, settle } from '${root}/src/testing/fake-phone.ts';

const label = (call, name) => Object.defineProperty(call, 'label', { value: name, configurable: true });

async function calls(names) {
  const phone = new FakePhone();
  label(await phone.callInState('failed', '+33 1 42 68 53 00', 486), names[0]);
  label(await phone.callInState('ended', '+61 2 9123 4567'), names[1]);
  const held = label(await phone.callInState('connected', '+49 30 901820'), names[2]);
  held.setColor('amber');
  await held.hold?.().catch(() => undefined);
  await phone.callInState('ringing', '+1 415 555 0132');
  const live = label(await phone.callInState('connected', '+44 20 7946 0958'), names[3]);
  live.setColor('green');
  live.mute();
  live.sendDtmf('42');
  await settle();
  return phone;
}

window.ready = (async () => {
  const scenes = { fr: ['Bistro Lafayette', 'Bureau de Sydney', 'Jonas Becker', 'Alice Martin'], ar: ['مطعم النيل', 'مكتب سيدني', 'Jonas Becker', 'ليلى حداد'] };
  for (const [id, names] of Object.entries(scenes)) {
    const el = Object.assign(document.createElement('vc-phone'), { phone: await calls(names), silent: true });
    document.getElementById(id).append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    const field = el.shadowRoot.querySelector('vc-place-call');
    field.value = id === 'fr' ? '01 23 45' : 'abc';
    await field.openField();
  }
})();
`;

const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #eef1f4; }
  .scene { padding: 16px; width: 440px; }
</style></head><body>
<div class="scene" id="fr" lang="fr"></div>
<div class="scene" id="ar" lang="ar"></div>
<script src="desk.js"></script></body></html>`;

const { browser, page } = await openScenePage({ work, entry, html, scriptName: 'desk.js', pageOptions: { viewport: { width: 1000, height: 900 }, deviceScaleFactor: 2, reducedMotion: 'reduce' } });
try {
  await page.waitForTimeout(1500); // the entry's check and its words (a screenshot, not a test)
  for (const id of ['fr', 'ar']) await page.locator(`#${id}`).screenshot({ path: join(docs, `desk-${id}.png`) });
  console.log(`screenshots in ${docs}`);
} finally {
  await browser.close();
}

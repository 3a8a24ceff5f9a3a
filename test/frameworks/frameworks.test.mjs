// The Vue and Angular examples (examples/vue, examples/angular), built the way their README
// sections say (Vue: Vite with @vitejs/plugin-vue; Angular: esbuild, JIT, zoneless) and run in
// Debian's Chromium: the phone renders, a property binding reaches the element (the `locale`
// switches its words and direction) and the framework's event handlers receive its events (a
// call placed through the field shows in the app's log). `vc-phone` resolves to this repo's
// sources, as it would to the installed package.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { buildAngularExample } from '../../examples/angular/build.mjs';
import { launchChromium, serveDir } from '../package/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'src');
let out;
let browser;

before(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-frameworks-'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

/** Opens the built app and drives it as a person would: the language buttons, the field, Enter. */
async function exercise(dir) {
  const web = await serveDir(dir);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
  });
  try {
    await page.goto(`${web.origin}/index.html`);
    // The phone rendered inside the framework's component (locators pierce shadow roots).
    await page.getByRole('button', { name: 'Place call' }).waitFor({ timeout: 20000 });
    // Property binding: the app's language reaches the element's `locale`.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Passer un appel' }).waitFor({ timeout: 10000 });
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('button', { name: 'إجراء مكالمة' }).waitFor({ timeout: 10000 });
    assert.equal(await page.locator('vc-phone').getAttribute('dir'), 'rtl');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Place call' }).click();
    // Events: a call placed from the field reaches the app's handlers (request, then answered).
    await page.getByRole('textbox', { name: 'Phone number' }).fill('+44 20 7946 0958');
    await page.getByRole('textbox', { name: 'Phone number' }).press('Enter');
    await page.locator('#log li', { hasText: 'answered +44 20 7946 0958' }).waitFor({ timeout: 10000 });
    assert.deepEqual(await page.locator('#log li').allTextContents(), ['request +44 20 7946 0958', 'answered +44 20 7946 0958']);
    await page.getByRole('group', { name: 'Call with +44 20 7946 0958' }).waitFor({ timeout: 10000 });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await web.close();
  }
}

describe('framework examples', () => {
  it('Vue 3 (examples/vue): built with Vite, properties with .prop, events with @vc-…', async () => {
    const dir = path.join(out, 'vue');
    await viteBuild({
      root: path.join(root, 'examples/vue'),
      configFile: path.join(root, 'examples/vue/vite.config.js'),
      logLevel: 'error',
      base: './',
      build: { outDir: dir, emptyOutDir: true, minify: false },
      resolve: {
        alias: [
          { find: /^vc-phone$/, replacement: path.join(src, 'index.ts') },
          { find: /^vc-phone\/testing$/, replacement: path.join(src, 'testing/index.ts') },
          { find: /^vc-phone\/(.*)\.js$/, replacement: path.join(src, '$1.ts') },
        ],
      },
    });
    await exercise(dir);
  });

  it('Angular (examples/angular): standalone, zoneless, JIT, built with esbuild; [property] and (vc-…) bindings', async () => {
    const dir = path.join(out, 'angular');
    await buildAngularExample(dir, { alias: { 'vc-phone': src }, logLevel: 'error' });
    await exercise(dir);
  });
});

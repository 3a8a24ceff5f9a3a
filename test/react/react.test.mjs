// The React wrappers (vc-phone/react) in React 19, in Chromium: typed props reach the elements
// as properties and the event callbacks receive the elements' events.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium, serveDir } from '../package/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
let out;
let browser;
let web;

before(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-react-'));
  await build({
    entryPoints: [path.join(here, 'app.ts')],
    bundle: true,
    format: 'esm',
    outfile: path.join(out, 'app.js'),
    tsconfig: path.join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(out, 'index.html'), '<!doctype html><html lang="en"><title>React</title><body><div id="root"></div><script type="module" src="./app.js"></script></body></html>');
  browser = await launchChromium();
  web = await serveDir(out);
});

after(async () => {
  await browser?.close();
  await web?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

describe('React wrappers (@lit/react)', () => {
  it('render with React 19, pass properties and deliver events to the callbacks', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
    });
    await page.goto(`${web.origin}/index.html`);
    await page.evaluate(() => window.reactReady);

    // The phone given as a prop is used: its connected call has a box.
    await page.getByRole('group', { name: 'Call with +1 415 555 0132' }).waitFor({ timeout: 5000 });

    await page.getByRole('button', { name: 'Place call' }).click();
    await page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('+442079460958');
    const call = page.getByRole('button', { name: 'Call', exact: true });
    await page.waitForFunction(() => {
      const placeCall = document.querySelector('vc-phone').shadowRoot.querySelector('vc-place-call');
      return !placeCall.shadowRoot.querySelector('[part="call-button"]').disabled;
    });
    await call.click();
    await page.getByRole('group', { name: 'Call with +44 20 7946 0958' }).waitFor({ timeout: 5000 });

    await page.locator('main > vc-mute-button').getByRole('button', { name: 'Mute' }).click();

    const seen = await page.evaluate(() => window.seen);
    const request = seen.find((e) => e.type === 'vc-call-request');
    assert.ok(request, 'onVcCallRequest was called');
    assert.equal(request.detail.target.e164, '+442079460958');
    assert.ok(seen.some((e) => e.type === 'vc-call-dialing' && e.detail.call.target.e164 === '+442079460958'), 'onVcCallDialing was called');
    // The call-bound mute button got its call as a property and reported the change.
    assert.deepEqual(seen.find((e) => e.type === 'vc-mute-change')?.detail.muted, true);
    assert.deepEqual(errors, []);
  });
});

// Every built story, opened alone in headless Chromium: no console error, no page error, and no
// axe violation. Builds storybook-static/ first unless it is newer than every source it is made
// of (VC_STORYBOOK_REUSE=1 skips the check and reuses what is there).
// Each story gets a page of its own; the pages share one browser context so that Storybook's
// hashed bundles and axe come from the HTTP cache (and V8's code cache) instead of being fetched
// and compiled again for each of the ~120 pages. What a story could leave behind (cookies, local
// and session storage, IndexedDB, caches, service workers) is cleared when its page closes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveDir } from '../package/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'storybook-static');
const axeSource = path.join(root, 'node_modules/axe-core/axe.min.js');
const shots = process.env.VC_STORYBOOK_SHOTS; // a folder: screenshots of every story go there

/** Newest modification time under `dir` (files only). */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

function fresh() {
  const index = path.join(out, 'index.json');
  if (!fs.existsSync(index)) return false;
  if (process.env.VC_STORYBOOK_REUSE === '1') return true;
  const built = fs.statSync(index).mtimeMs;
  const sources = Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'stories')), newest(path.join(root, '.storybook')), fs.statSync(path.join(root, 'custom-elements.json')).mtimeMs);
  return built > sources;
}

if (!fresh()) {
  execFileSync(path.join(root, 'node_modules/.bin/storybook'), ['build', '--output-dir', out, '--quiet', '--disable-telemetry'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
}

const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const docs = Object.values(index.entries).filter((entry) => entry.type === 'docs');

// WCAG 2.x A/AA and best practices, on the story's own content. Rules about the whole page
// (one <main>, a heading, content in landmarks) are the host page's business, not a component's.
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } },
};

let browser;
let web;
let storyContext;
let docsContext;

before(async () => {
  browser = await launchChromium();
  // Storybook's build names its bundles by content hash: an answer under assets/ never changes.
  web = await serveDir(out, { files: { '/__axe.min.js': axeSource }, cached: (pathname) => pathname.startsWith('/assets/') || pathname === '/__axe.min.js' });
  storyContext = await browser.newContext({ viewport: { width: 640, height: 720 } });
  docsContext = await browser.newContext();
  if (shots) fs.mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await web?.close();
});

/** A new page of `context`; `close()` clears what the page stored for the origin, then closes it. */
async function freshPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return {
    page,
    async close() {
      await cdp.send('Storage.clearDataForOrigin', { origin: web.origin, storageTypes: 'cookies,file_systems,indexeddb,local_storage,websql,service_workers,cache_storage,shared_storage,storage_buckets' });
      await page.close();
    },
  };
}

describe('Storybook: every story renders cleanly and accessibly', () => {
  it('has a story for each element and each call state', () => {
    const titles = new Set(stories.map((story) => story.title));
    for (const tag of ['vc-phone', 'vc-place-call', 'vc-call-list', 'vc-call-box', 'vc-dialpad', 'vc-mute-button', 'vc-color-tag', 'vc-transfer']) {
      assert.ok(titles.has(`Elements/${tag}`), `no stories for <${tag}>`);
    }
    const names = new Set(stories.filter((story) => story.title === 'Elements/vc-call-box').map((story) => story.name));
    for (const state of ['Dialing', 'Ringing', 'Connected', 'Muted', 'Ended', 'Failed (busy)', 'Microphone denied', 'Colour tag', 'Confirm dialog open', 'On hold', 'Held by the other party', 'Hanging up', 'Keypad open', 'Long name (label and number)', '320 px', 'Dark']) {
      assert.ok(names.has(state), `no call-box story "${state}"`);
    }
    const desk = new Set(stories.filter((story) => story.title === 'Elements/vc-phone').map((story) => story.name));
    for (const name of ['Five calls', '320 px', 'Dark', 'Reconnecting / offline', 'Translated (Deutsch)', 'Wide (grid)']) assert.ok(desk.has(name), `no vc-phone story "${name}"`);
    const languages = new Set(stories.filter((story) => story.title === 'Languages').map((story) => story.name));
    for (const name of ['English', 'Español', 'Français', 'Deutsch', 'Italiano', 'Português (Brasil)', 'العربية (right to left)']) assert.ok(languages.has(name), `no Languages story "${name}"`);
    assert.ok(stories.length >= 30, `only ${stories.length} stories`);
  });

  // Docs pages (MDX and each element's API page): they render without errors. Axe is not run
  // there: most of those pages are Storybook's own interface.
  for (const entry of docs) {
    it(`docs: ${entry.title} / ${entry.name}`, async () => {
      const { page, close } = await freshPage(docsContext);
      const errors = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      try {
        await page.goto(`${web.origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`);
        // Generous deadlines: the machine may be busy with other suites; nothing here is a timing window.
        await page.locator('.sbdocs-content h1, .sbdocs-content .sbdocs-title').first().waitFor({ timeout: 60000 });
        // Markdown tables render as tables (GFM), never as raw "| --- |" text.
        const raw = await page.evaluate(() => /\|\s*-{3,}\s*\|/.test(document.querySelector('.sbdocs-content')?.textContent ?? ''));
        assert.equal(raw, false, 'a Markdown table is shown as raw text');
        assert.deepEqual(errors, [], 'console or page errors');
      } finally {
        await close();
      }
    });
  }

  for (const story of stories) {
    it(`${story.title} / ${story.name}`, async () => {
      const { page, close } = await freshPage(storyContext);
      const errors = [];
      page.on('console', (message) => {
        // The browser's own favicon request is not the story's.
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`console: ${message.text()} ${message.location().url}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      try {
        await page.goto(`${web.origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
        const phase = await page
          .waitForFunction(
            () => {
              const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
              return ['completed', 'finished', 'errored', 'aborted'].includes(phase) && phase;
            },
            null,
            { timeout: 60000 },
          )
          .then((handle) => handle.jsonValue());
        assert.ok(['completed', 'finished'].includes(phase), `story ended in phase ${phase}`);
        // Let every element finish rendering (and fake calls advance).
        await page.evaluate(async () => {
          const walk = async (node) => {
            for (const el of node.querySelectorAll('*')) {
              if (el.updateComplete) await el.updateComplete;
              if (el.shadowRoot) await walk(el.shadowRoot);
            }
          };
          await new Promise((resolve) => setTimeout(resolve, 0));
          await walk(document.querySelector('#storybook-root'));
          // Enter and fold transitions end before axe reads colours (endless ones, a pulse, are left).
          const finite = document.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
          await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
        });
        const rendered = await page.evaluate(() => document.querySelector('#storybook-root').querySelector('[class], vc-phone, vc-place-call, vc-call-list, vc-call-box, vc-dialpad, vc-mute-button, vc-color-tag, vc-wrap-up, vc-call-history, vc-audio-settings') !== null);
        assert.ok(rendered, 'the story rendered nothing');
        if (shots) await page.screenshot({ path: path.join(shots, `${story.id}.png`), fullPage: true });
        await page.addScriptTag({ url: `${web.origin}/__axe.min.js` });
        const violations = await page.evaluate(async (options) => {
          const result = await window.axe.run(document.querySelector('#storybook-root'), options);
          return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
        }, AXE_OPTIONS);
        assert.deepEqual(violations, [], 'axe violations');
        assert.deepEqual(errors, [], 'console or page errors');
      } finally {
        await close();
      }
    });
  }
});

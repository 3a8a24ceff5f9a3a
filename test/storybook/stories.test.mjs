// Every built story in headless Chromium: no console error, no page error, and no axe violation.
// Builds storybook-static/ first unless it is newer than every source it is made of
// (VC_STORYBOOK_REUSE=1 skips the check and reuses what is there).
// The stories of one file (one sidebar title) share a page, as in Storybook's own UI: the first is
// opened by its URL, alone in a fresh page (a reader following a link to it); each next one is
// shown the way a click in Storybook's sidebar shows it (the preview's `setCurrentStory`, the
// previous story torn down by Storybook), after what the previous one stored (cookies, local and
// session storage, IndexedDB, caches) is cleared. A story that fails gets the next one a fresh
// page. Loading Storybook's preview once per file instead of once per story took the suite from
// 206 s to 70 s of CPU (158 s to 58 s of wall time, near-idle 2-core machine).
// The pages share one browser context so that Storybook's hashed bundles and axe come from the
// HTTP cache (and V8's code cache) instead of being fetched and compiled again for each page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EVERY_STORAGE_TYPE } from '../../scripts/lib/chromium.mjs';
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

/**
 * A new page of `context`; `clear()` clears what the page stored for the origin, `close()` clears
 * it and closes the page.
 */
async function freshPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const clear = () => cdp.send('Storage.clearDataForOrigin', { origin: web.origin, storageTypes: EVERY_STORAGE_TYPE });
  return {
    page,
    clear,
    async close() {
      await clear();
      await page.close();
    },
  };
}

/** The stories, grouped by title (one stories file), in index order. */
function byTitle(entries) {
  const groups = new Map();
  for (const entry of entries) groups.set(entry.title, [...(groups.get(entry.title) ?? []), entry]);
  return groups;
}

/**
 * The page a group's stories are shown in: opened with the first story's URL, then reused. Console
 * and page errors land in `errors`, which each story empties when it starts.
 */
let shown;
async function showStory(story) {
  if (!shown) {
    const fresh = await freshPage(storyContext);
    shown = { ...fresh, errors: [] };
    const { page, errors } = shown;
    page.on('console', (message) => {
      // The browser's own favicon request is not the story's.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`console: ${message.text()} ${message.location().url}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.goto(`${web.origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
  } else {
    shown.errors.length = 0;
    await shown.clear();
    // What a click on the story in Storybook's sidebar does: the preview tears the shown story down and renders this one.
    await shown.page.evaluate((storyId) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' }), story.id);
  }
  return shown;
}

async function closeShown() {
  await shown?.close();
  shown = undefined;
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

  for (const group of byTitle(stories).values()) {
    for (const story of group) {
      it(`${story.title} / ${story.name}`, async () => {
        const { page, errors } = await showStory(story);
        let passed = false;
        try {
          // This story's own render (not the previous one's), to its end.
          const phase = await page
            .waitForFunction(
              (storyId) => {
                const render = window.__STORYBOOK_PREVIEW__?.currentRender;
                return render?.id === storyId && ['completed', 'finished', 'errored', 'aborted'].includes(render.phase) && render.phase;
              },
              story.id,
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
          if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: `${web.origin}/__axe.min.js` });
          const violations = await page.evaluate(async (options) => {
            const result = await window.axe.run(document.querySelector('#storybook-root'), options);
            return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
          }, AXE_OPTIONS);
          assert.deepEqual(violations, [], 'axe violations');
          assert.deepEqual(errors, [], 'console or page errors');
          passed = true;
        } finally {
          // The next file's stories, and the story after a failure, start in a fresh page.
          if (!passed || story === group.at(-1)) await closeShown();
        }
      });
    }
  }
});

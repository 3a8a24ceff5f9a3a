// Shared by the package, React and Storybook tests: Debian's Chromium (never a downloaded one)
// through playwright-core, and a tiny static server on 127.0.0.1.
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';
import { sendFileBelow } from '../../scripts/lib/static-files.mjs';

export { CHROMIUM_ARGS };

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Serves `dir` read-only on 127.0.0.1 (random port). `files` maps extra URL paths to files;
 * `cached(pathname)` says which answers the browser may keep (an hour) instead of `no-store`.
 */
export function serveDir(dir, { files = {}, cached = () => false } = {}) {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const headers = cached(pathname) ? { 'cache-control': 'max-age=3600' } : {};
    if (Object.hasOwn(files, pathname)) sendFileBelow(path.dirname(files[pathname]), `/${path.basename(files[pathname])}`, res, headers);
    else sendFileBelow(dir, pathname, res, headers);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) }),
    ),
  );
}

/** Opens `url` and collects console errors and page errors. */
export async function openCollecting(browser, url, { waitUntil = 'load' } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(url, { waitUntil });
  return { page, errors };
}

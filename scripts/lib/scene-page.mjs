// What the screenshot scripts share: bundle a page of elements against the fake phone (esbuild,
// into a work folder outside the repo), open it in Debian's headless Chromium and wait for its
// `window.ready`. The caller screenshots what it needs, then closes the browser.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { root } from './cdn-build.mjs';
import { CHROMIUM_PATH } from './chromium.mjs';

/**
 * Writes `entry` (TypeScript) and `html` (which loads `scriptName`) into `work`, bundles the entry
 * and opens the page at `pageOptions` (Playwright's newPage options). Returns `{ browser, page }`.
 */
export async function openScenePage({ work, entry, html, scriptName, pageOptions }) {
  await mkdir(work, { recursive: true });
  await writeFile(join(work, 'entry.ts'), entry);
  await writeFile(join(work, 'index.html'), html);
  await build({
    entryPoints: [join(work, 'entry.ts')],
    bundle: true,
    format: 'iife',
    outfile: join(work, scriptName),
    tsconfig: join(root, 'tsconfig.json'),
    target: 'es2021',
    logLevel: 'warning',
    nodePaths: [join(root, 'node_modules')],
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--headless=new', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage(pageOptions);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`file://${join(work, 'index.html')}`);
    await page.evaluate(() => window.ready);
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

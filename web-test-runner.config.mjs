// Unit and element tests in Debian's Chromium (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH, EVERY_STORAGE_TYPE } from './scripts/lib/chromium.mjs';

/**
 * One browser context for every test file instead of a new one per file (the launcher's
 * default): each file still gets a page of its own, but the modules nearly every file imports
 * (Lit, sip.js, the number metadata, the test framework) come from the context's HTTP cache, with
 * V8's compiled code, instead of being fetched and compiled again 56 times (the dev server sends
 * `no-cache`, so each is still revalidated). When a file's page closes, what it stored for the
 * test server's origin (cookies, local storage, IndexedDB, caches...) is cleared, so no file sees
 * another's data. (The Firefox launcher shares one context the same way, a tab per file.)
 */
function sharedBrowserContext() {
  let shared;
  return async ({ browser }) => {
    if (shared?.browser() !== browser) shared = await browser.newContext();
    const context = shared;
    let page;
    let cdp;
    const origins = new Set();
    return {
      async newPage() {
        page = await context.newPage();
        cdp = await context.newCDPSession(page);
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame() && frame.url().startsWith('http')) origins.add(new URL(frame.url()).origin);
        });
        return page;
      },
      async close() {
        for (const origin of origins) {
          await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: EVERY_STORAGE_TYPE });
        }
        await page?.close();
      },
    };
  };
}

export default {
  files: ['test/unit/**/*.test.ts', 'test/events/**/*.test.ts', 'test/components/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  // Each wait inside a test has its own deadline (10 s at most); the test as a whole gets 30 s,
  // because on a loaded machine the first test of a file also waits for its modules to be
  // compiled on the fly (a unit test once ran out of 10 s that way at a load of 20 on 2 cores).
  testFramework: { config: { timeout: 30000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2021' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      createBrowserContext: sharedBrowserContext(),
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};

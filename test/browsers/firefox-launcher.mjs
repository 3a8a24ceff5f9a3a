// web-test-runner launcher for Debian's firefox-esr (153 ESR), headless, over WebDriver BiDi.
//
// Why this one: @web/test-runner-playwright cannot drive Debian's Firefox (Playwright's BiDi
// mode calls emulation.setMediaFeaturesOverride, which Firefox 153 does not know), and Debian
// packages no geckodriver for @web/test-runner-webdriver. @web/test-runner-chrome's
// ChromeLauncher (installed with @web/test-runner) takes any puppeteer as `puppeteer`: given
// puppeteer-core with `browser: 'firefox'` and Debian's executable it runs Firefox over BiDi.
// That is what @web/test-runner-puppeteer does, minus its dependency on full `puppeteer`
// (which downloads a browser of its own on install). Nothing here downloads a browser.
//
// Two adjustments, both about the harness, not the product:
// - Key names: the suites were written for Playwright, whose `press` takes combinations
//   ('Shift+Tab') and 'Space'; puppeteer's BiDi keyboard takes neither ("Unknown key"). The
//   page's keyboard here splits a combination into down/press/up, as Playwright does.
// - One fresh tab per test file (Chromium's launcher reuses tabs). In Firefox, a Tab pressed on
//   the page's last focusable element moves focus out of the page into the browser's own UI (a
//   real Firefox does the same: the address bar), and the page never gets it back
//   (document.hasFocus() stays false; neither focus(), a click nor bringToFront() restores it),
//   so focus/blur events stop firing there. A new tab starts focused, so one such test can't
//   break the files after it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import { FIREFOX_MEDIA_PREFS, FIREFOX_QUIET_PREFS } from '../e2e/lib/firefox-prefs.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const KEY_ALIASES = { Space: ' ' };
const key = (name) => KEY_ALIASES[name] ?? name;

/** Lets `keyboard.press` take Playwright's 'Mod+Key' combinations and key names. */
function playwrightStyleKeys(page) {
  const keyboard = page.keyboard;
  const { press, down, up } = keyboard;
  keyboard.press = async (combo, options) => {
    const parts = combo.length > 1 ? combo.split('+').map((p) => (p === '' ? '+' : p)) : [combo];
    const last = key(parts.pop());
    for (const modifier of parts) await down.call(keyboard, modifier);
    try {
      await press.call(keyboard, last, options);
    } finally {
      for (const modifier of parts.reverse()) await up.call(keyboard, modifier);
    }
  };
  keyboard.down = (name, options) => down.call(keyboard, key(name), options);
  keyboard.up = (name) => up.call(keyboard, key(name));
  return page;
}

class FirefoxLauncher extends ChromeLauncher {
  async stopSession(sessionId) {
    const result = await super.stopSession(sessionId);
    // never reuse a tab (see above): close the one just used
    const page = this.inactivePages.pop();
    await page?.puppeteerPage.close().catch(() => {});
    return result;
  }
}

export function firefoxLauncher() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-wtr-ff-'));
  process.once('exit', () => fs.rmSync(profile, { recursive: true, force: true }));
  const launcher = new FirefoxLauncher(
    {
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: { ...FIREFOX_MEDIA_PREFS, ...FIREFOX_QUIET_PREFS },
      protocolTimeout: 60000,
      timeout: 30000,
    },
    ({ browser }) => browser.defaultBrowserContext(),
    async ({ context }) => playwrightStyleKeys(await context.newPage()),
    puppeteer,
    1,
  );
  launcher.name = 'Firefox';
  return launcher;
}

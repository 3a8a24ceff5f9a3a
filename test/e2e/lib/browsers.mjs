// Both test browsers behind one small driver, for the suites that run in Chromium AND Firefox
// (TLS, TURN, interop, ephemeral auth, the Firefox subset). Debian's packages only:
// /usr/bin/chromium through playwright-core, /usr/bin/firefox-esr through puppeteer-core 24 over
// WebDriver BiDi (Playwright cannot drive Debian's Firefox: its BiDi mode calls
// emulation.setMediaFeaturesOverride, unknown to Firefox 153). Nothing here downloads a browser.
//
// Firefox inside a network namespace with only `lo` gathers no ICE candidate at all unless
// BOTH prefs below are set (found with MOZ_LOG=nicer:5, see test/e2e/stack/README.md):
//  - permissions.default.microphone = 1: without a granted microphone permission Firefox uses
//    "default local addresses only", found by connect()ing a UDP socket toward a public address;
//    with no route at all that fails ("failed to find default addresses") and ICE gathers nothing
//    (not even relay candidates). The fake-media pref alone does not count as a permission.
//  - media.peerconnection.ice.loopback = true: 127.0.0.1 / ::1 are kept as host addresses.
// With both, Firefox offers host candidates on 127.0.0.1 and, with a TURN server, relay ones.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_PATH } from '../../../scripts/lib/chromium.mjs';
import { FIREFOX_MEDIA_PREFS, FIREFOX_QUIET_PREFS } from './firefox-prefs.mjs';
import { CHROMIUM_ARGS, plan, stackDir } from './harness.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const TLS_HOST = plan.tlsHost.name;

/** The NSS database made by `stack.sh up` (trusts the stack's throw-away test CA). */
export const nssDbDir = (dir = stackDir) => path.join(dir, 'run', 'tls', 'nssdb');

export const FIREFOX_PREFS = {
  // fake microphone, no permission prompt, a granted permission and loopback candidates (see
  // above), nothing in the background (there is no network anyway)
  ...FIREFOX_MEDIA_PREFS,
  ...FIREFOX_QUIET_PREFS,
  // the test host name of the wss:// listener resolves to 127.0.0.1 (like Chromium's
  // --host-resolver-rules), no DNS involved
  'network.dns.localDomains': TLS_HOST,
};

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh Firefox profile whose certificate store trusts the test CA (copied NSS db). */
function firefoxProfile() {
  const profile = tempDir('vc-ff-');
  const nss = nssDbDir();
  for (const file of ['cert9.db', 'key4.db', 'pkcs11.txt']) {
    if (fs.existsSync(path.join(nss, file))) fs.copyFileSync(path.join(nss, file), path.join(profile, file));
  }
  return profile;
}

/** A HOME whose ~/.pki/nssdb trusts the test CA: Chromium on Linux reads user trust from there. */
function chromiumHome() {
  const home = tempDir('vc-ch-');
  const target = path.join(home, '.pki', 'nssdb');
  fs.mkdirSync(target, { recursive: true });
  const nss = nssDbDir();
  if (fs.existsSync(nss)) for (const file of fs.readdirSync(nss)) fs.copyFileSync(path.join(nss, file), path.join(target, file));
  return home;
}

/** Page driver shared by both browsers: evaluate(fn, arg) and waitFor(fn, arg, timeoutMs). */
class PlaywrightPage {
  constructor(page, context, consoleLines) {
    Object.assign(this, { page, context, consoleLines });
  }
  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }
  async waitFor(fn, arg, timeout = 10000) {
    await this.page.waitForFunction(fn, arg, { timeout });
  }
  close() {
    return this.context.close();
  }
}

class PuppeteerPage {
  constructor(page, consoleLines) {
    Object.assign(this, { page, consoleLines });
  }
  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }
  async waitFor(fn, arg, timeout = 10000) {
    await this.page.waitForFunction(fn, { timeout, polling: 100 }, arg);
  }
  close() {
    return this.page.close();
  }
}

/**
 * Launches one test browser: `chromium` (Debian's, fake microphone, loopback ICE) or `firefox`
 * (Debian's ESR, prefs above). Both trust the stack's test CA and map the TLS test host name
 * to 127.0.0.1. Returns { name, open(url), close() }.
 */
export async function launch(name) {
  if (name === 'chromium') {
    const home = chromiumHome();
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${TLS_HOST} 127.0.0.1`],
      env: { ...process.env, HOME: home },
    });
    return {
      name,
      version: browser.version(),
      async open(url) {
        const context = await browser.newContext();
        await context.grantPermissions(['microphone'], { origin: new URL(url).origin });
        const page = await context.newPage();
        const consoleLines = [];
        page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
        await page.goto(url);
        await page.waitForFunction(() => window.vcReady === true, null, { timeout: 15000 });
        return new PlaywrightPage(page, context, consoleLines);
      },
      async close() {
        await browser.close();
        fs.rmSync(home, { recursive: true, force: true });
      },
    };
  }
  if (name === 'firefox') {
    const profile = firefoxProfile();
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: FIREFOX_PREFS,
      protocolTimeout: 30000,
      timeout: 30000,
    });
    const version = await browser.version();
    return {
      name,
      version,
      async open(url) {
        const page = await browser.newPage();
        const consoleLines = [];
        page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
        await page.goto(url);
        await page.waitForFunction(() => window.vcReady === true, { timeout: 15000, polling: 100 });
        return new PuppeteerPage(page, consoleLines);
      },
      async close() {
        await browser.close();
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  }
  throw new Error(`unknown browser ${name}`);
}

/**
 * Time-limited credentials of the TURN REST / Kamailio auth_ephemeral scheme: username
 * "<expiry unix time>:<user>", password base64(HMAC-SHA1(secret, username)).
 * A negative ttlSeconds gives an already expired credential.
 */
export function ephemeralCredential(user, ttlSeconds, secret = plan.ephemeral.secret) {
  const username = `${Math.floor(Date.now() / 1000) + ttlSeconds}:${user}`;
  const password = crypto.createHmac('sha1', secret).update(username).digest('base64');
  return { username, password };
}

/**
 * Installed in a page before its phone makes a call: records every RTCPeerConnection and the
 * configuration it was made with (so the test can read the selected candidate pair and the
 * policy the phone asked for). Recording changes nothing.
 */
export async function watchPeerConnections(page) {
  await page.evaluate(() => {
    if (window.__vcPcs) return;
    const Native = window.RTCPeerConnection;
    window.__vcPcs = [];
    window.__vcPcConfigs = [];
    window.RTCPeerConnection = class extends Native {
      constructor(config = {}, ...rest) {
        super(config, ...rest);
        window.__vcPcs.push(this);
        window.__vcPcConfigs.push({ iceTransportPolicy: config.iceTransportPolicy ?? 'all', iceServers: (config.iceServers ?? []).length });
      }
    };
  });
}

/** The latest peer connection's selected candidate pair: { local: {type, address, port}, remote } . */
export async function selectedPair(page) {
  return page.evaluate(async () => {
    const pc = window.__vcPcs?.at(-1);
    if (!pc) return null;
    const stats = await pc.getStats();
    const all = [...stats.values()];
    let pair;
    const transport = all.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
    if (transport) pair = stats.get(transport.selectedCandidatePairId);
    pair ??= all.find((s) => s.type === 'candidate-pair' && s.selected);
    pair ??= all.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
    if (!pair) return { pairs: all.filter((s) => s.type === 'candidate-pair').map((s) => s.state) };
    const cand = (id) => {
      const c = stats.get(id);
      return c && { type: c.candidateType, address: c.address ?? c.ip, port: c.port, protocol: c.protocol, relayProtocol: c.relayProtocol };
    };
    return { state: pair.state, local: cand(pair.localCandidateId), remote: cand(pair.remoteCandidateId), policy: window.__vcPcConfigs.at(-1) };
  });
}

// Shared set-up of the end-to-end suite: a static server for the built bundle and the test
// pages, a status-webhook receiver, and headless Debian Chromium with a fake microphone.
// The SIP stack itself is started by test/e2e/run.sh (stack.sh up) before node runs the tests.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS as BASE_CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/lib/chromium.mjs';
import { sendFileBelow } from '../../../scripts/lib/static-files.mjs';
import { audioWindows, silences } from '../stack/far-end.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const stackDir = process.env.VC_STACK_DIR ?? path.join(root, '.stack', 'e2e');
export const plan = JSON.parse(fs.readFileSync(path.join(root, 'test/e2e/stack/numbers.json'), 'utf8'));
export const numbers = Object.fromEntries(Object.entries(plan.numbers).map(([name, entry]) => [name, entry.number]));

/**
 * A copy of the built cdn/ folder to serve as /cdn/ instead of the repository's own (`npm test`
 * makes one before the e2e suite starts, so that the package suite may rebuild cdn/ meanwhile).
 */
const cdnSnapshot = process.env.VC_E2E_CDN_DIR;

/** Serves the repository read-only (cdn/, test/e2e/pages/, bench/pages/) on 127.0.0.1. */
export function startStaticServer({ headers = {} } = {}) {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (cdnSnapshot && pathname.startsWith('/cdn/')) sendFileBelow(cdnSnapshot, pathname.slice('/cdn'.length), res, headers);
    else sendFileBelow(root, pathname, res, headers);
  });
  return listen(server);
}

function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, port, origin: `http://localhost:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/**
 * A status-webhook receiver that misbehaves on purpose: it answers 503 to the first
 * `failFirst` POSTs and, for the POST numbered `dropAfterProcessing`, records the event but cuts
 * the connection without answering (the sender can't know it arrived, so it sends it again).
 */
export async function startWebhookReceiver({ failFirst = 3, dropAfterProcessing = 5, username, password } = {}) {
  const received = [];
  let posts = 0;
  let down = false;
  const stats = { failed: 0, dropped: 0, unauthorised: 0 };
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-allow-methods': 'POST',
  };
  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      posts += 1;
      const expected = 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
      if (username !== undefined && req.headers.authorization !== expected) {
        stats.unauthorised += 1;
        res.writeHead(401, cors).end();
        return;
      }
      if (down || posts <= failFirst) {
        stats.failed += 1;
        res.writeHead(503, cors).end('try later');
        return;
      }
      received.push(JSON.parse(body));
      if (posts === dropAfterProcessing) {
        stats.dropped += 1;
        req.socket.destroy();
        return;
      }
      res.writeHead(204, cors).end();
    });
  });
  const listening = await listen(server);
  return {
    ...listening,
    url: `http://127.0.0.1:${listening.port}/status`,
    received,
    stats,
    /** While down, every POST gets 503. */
    setDown(value) {
      down = value;
    },
  };
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  ...BASE_CHROMIUM_ARGS,
  // Chromium leaves loopback out of ICE unless told otherwise (all media here is on 127.0.0.1).
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
]

/**
 * Chromium with a fake microphone that is always allowed; `microphone: 'ask'` keeps the real
 * permission logic (so a page can be denied it), `'none'` gives it no audio device at all.
 */
export async function launchBrowser({ microphone = 'fake' } = {}) {
  const dropped = { fake: [], ask: ['--use-fake-ui-for-media-stream'], none: ['--use-fake-device-for-media-stream'] }[microphone];
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS.filter((arg) => !dropped.includes(arg)) });
}

/** Registers a suite's hooks: one Chromium and one static server, shared by its tests. */
export function useBrowserAndServer() {
  const suite = { browser: undefined, web: undefined };
  before(async () => {
    suite.browser = await launchBrowser();
    suite.web = await startStaticServer();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.web?.close();
  });
  return suite;
}

/**
 * Opens a page with a fresh profile, records its console (to prove no credential is logged)
 * and page errors, and waits for `window.vcReady`.
 */
export async function openPage(browser, url, { denyMicrophone = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (denyMicrophone) {
    // As if the agent (or a policy) blocked the microphone for this site.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.setPermission', { permission: { name: 'microphone' }, setting: 'denied', origin: new URL(url).origin });
  } else {
    await context.grantPermissions(['microphone'], { origin: new URL(url).origin });
  }
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.vcReady === true, null, { timeout: 15000 });
  return { page, context, consoleLines };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A TCP relay in front of the SIP server's WebSocket port, so a test can cut the connection
 * (as a network failure would) while the server keeps running. New connections are relayed again.
 */
export async function startConnectionCutter(targetPort) {
  const sockets = new Set();
  let refusing = false;
  const server = net.createServer((client) => {
    if (refusing) return client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listening = await listen(server);
  return {
    ...listening,
    wsUrl: `ws://127.0.0.1:${listening.port}`,
    cut() {
      for (const socket of sockets) socket.destroy();
    },
    /** An outage: the connection drops and new ones are refused until `restore()`. */
    down() {
      refusing = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      refusing = false;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * What baresip heard from the caller, as the mute tests need it: the stretches of near silence
 * long enough to be a mute (Chromium's fake microphone beeps about twice a second, so its own
 * gaps are far shorter), and how many loud 100 ms windows there were before and after them.
 * Timing comes from the audio itself: the recording starts with the media, not at the answer.
 */
export function heardFromCaller(wavPath, { minSilenceMs = 2000 } = {}) {
  const audio = audioWindows(wavPath);
  const long = silences(audio, { threshold: 300, minMs: minSilenceMs });
  const loudBetween = (fromMs, toMs) =>
    audio.rms.filter((rms, i) => rms > 1000 && i * audio.windowMs >= fromMs && (i + 1) * audio.windowMs <= toMs).length;
  return { audio, silences: long, loudBetween };
}

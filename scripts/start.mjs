#!/usr/bin/env node
// `npm start`: from a fresh clone to a real call. Installs what is missing (the npm dependencies
// when node_modules is absent or stale; the Debian packages through
// scripts/install-prerequisites.sh when root or password-less sudo, else it says what to run),
// builds the CDN bundle only when its sources changed, starts the local SIP stack (Kamailio +
// rtpengine + baresip + sipp, on 127.0.0.1 only), and serves the demo CRM page on
// http://localhost:8000 (PORT to change it). Ctrl-C stops everything it started.
// Uses only Node's own modules before `npm ci` has run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCdnIfStale } from './lib/cdn-build.mjs';
import { ensureDependencies, ensurePrerequisites } from './lib/setup.mjs';
import { sendFileBelow } from './lib/static-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8000);
const plan = JSON.parse(fs.readFileSync(path.join(root, 'test/e2e/stack/numbers.json'), 'utf8'));
const stackDir = path.join(root, '.stack', 'demo');
const stackScript = path.join(root, 'test/e2e/stack/stack.sh');

function log(message) {
  console.log(`[vc-phone] ${message}`);
}

function portOpen(portNumber) {
  return new Promise((resolve) => {
    const socket = net.connect(portNumber, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

ensureDependencies();
if (!buildCdnIfStale({ log })) log('the CDN bundle is up to date (cdn/)');

let startedStack = false;
let stackAvailable = await portOpen(plan.ports.kamailioWs);
if (stackAvailable) {
  log(`a SIP stack is already listening on ${plan.wsUrl}: using it`);
} else if (ensurePrerequisites()) {
  const up = spawnSync('bash', [stackScript, 'up', stackDir], { cwd: root, encoding: 'utf8' });
  if (up.status === 0) {
    startedStack = true;
    stackAvailable = true;
    log(`local SIP stack started (${up.stdout.trim()}); logs in ${path.relative(root, stackDir)}/logs`);
  } else if (up.status === 3) {
    log('the local SIP stack is not installed: the demo page will say how to install it.');
    log('  sudo bash scripts/install-prerequisites.sh   (Debian/Ubuntu: Kamailio, rtpengine, baresip, sipp, Chromium)');
  } else {
    log(`the local SIP stack did not start:\n${up.stderr || up.stdout}`);
  }
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/stack-status.json') {
    const numbers = Object.fromEntries(Object.entries(plan.numbers).map(([role, entry]) => [role, entry.number]));
    const body = { available: stackAvailable, wsUrl: plan.wsUrl, numbers, credentials: { username: plan.credentials.username, password: plan.credentials.password } };
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
    return;
  }
  if (url.pathname === '/' || url.pathname === '/demo') {
    response.writeHead(302, { location: '/demo/' }).end();
    return;
  }
  const allowed = ['/demo/', '/cdn/', '/docs/'].some((prefix) => url.pathname.startsWith(prefix));
  if (!allowed) {
    response.writeHead(404).end('not found');
    return;
  }
  sendFileBelow(root, url.pathname, response);
});

server.listen(port, '127.0.0.1', () => {
  log(`demo CRM page: http://localhost:${port}/  (Ctrl-C to stop)`);
  if (stackAvailable) {
    log(`numbers: ${Object.values(plan.numbers).map((n) => `${n.number} (${n.farEnd ?? 'Kamailio 404'})`).join(', ')}`);
  }
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  if (startedStack) {
    log('stopping the local SIP stack…');
    try {
      execFileSync('bash', [stackScript, 'down', stackDir], { cwd: root, stdio: 'ignore' });
    } catch {
      /* best effort: it logs its own failures */
    }
  }
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

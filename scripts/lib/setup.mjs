// What a fresh clone needs before `npm start` (and `npm test`) can do their job, installed on
// the way when it is missing, using only Node's own modules (node_modules may not exist yet):
// - the npm dependencies: `npm ci` when node_modules is absent or older than package-lock.json;
// - the Debian packages (browsers and the local SIP stack): scripts/install-prerequisites.sh
//   when one is missing and we are root or have password-less sudo; otherwise the exact command.
//   node scripts/lib/setup.mjs        (exit code 0 when everything is there)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (message) => console.log(`[vc-phone] ${message}`);

/** Why `npm ci` must run, or undefined when node_modules matches package-lock.json. */
export function dependenciesStaleReason() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed)) return 'node_modules is missing';
  const lock = fs.statSync(path.join(root, 'package-lock.json')).mtimeMs;
  if (lock > fs.statSync(installed).mtimeMs) return 'package-lock.json changed since the last install';
  return undefined;
}

/** Runs `npm ci` when the dependencies are missing or stale. Exits the process if it fails. */
export function ensureDependencies() {
  const reason = dependenciesStaleReason();
  if (!reason) return false;
  log(`installing the npm dependencies (npm ci: ${reason})…`);
  // Never let a package fetch a browser of its own: the tests use Debian's Chromium and Firefox.
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    log('npm ci failed (see above). The registry must be reachable; Node 20.19+, 22.13+ or 24+ (package.json "engines", .nvmrc).');
    process.exit(result.status ?? 1);
  }
  return true;
}

/** Debian packages the demo and the tests need, as install-prerequisites.sh lists them. */
function missingPackages() {
  const script = fs.readFileSync(path.join(root, 'scripts', 'install-prerequisites.sh'), 'utf8');
  const list = /PACKAGES=\(([^)]*)\)/.exec(script)?.[1].split(/\s+/).filter(Boolean) ?? [];
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...list], { encoding: 'utf8' });
  if (query.error) return { list, missing: undefined }; // not a Debian system: dpkg-query is absent
  const installed = new Set(query.stdout.split('\n').filter((line) => line.endsWith('install ok installed')).map((line) => line.split(' ')[0]));
  return { list, missing: list.filter((name) => !installed.has(name)) };
}

/**
 * Installs the missing Debian packages when it can (root, or sudo without a password); returns
 * true when everything is there afterwards, false (having said what to run) otherwise.
 */
export function ensurePrerequisites() {
  const { missing } = missingPackages();
  if (missing === undefined) {
    log('not a Debian/Ubuntu system (no dpkg-query): install Chromium and the SIP stack (Kamailio, rtpengine, baresip, sipp) yourself; see README.');
    return false;
  }
  if (missing.length === 0) return true;
  const script = path.join('scripts', 'install-prerequisites.sh');
  const asRoot = process.getuid?.() === 0;
  const sudo = !asRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!asRoot && !sudo) {
    log(`missing Debian packages: ${missing.join(' ')}`);
    log(`  run once: sudo bash ${script}   (then npm start again)`);
    return false;
  }
  log(`installing the missing Debian packages (${missing.join(' ')}) with ${script}…`);
  const [command, args] = asRoot ? ['bash', [script]] : ['sudo', ['-n', 'bash', script]];
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    log(`${script} failed (see above); run it yourself: sudo bash ${script}`);
    return false;
  }
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureDependencies();
  process.exitCode = ensurePrerequisites() ? 0 : 1;
}

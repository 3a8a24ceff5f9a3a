// What a fresh clone needs before `npm start` (and `npm test`) can do their job, installed on
// the way when it is missing, using only Node's own modules (node_modules may not exist yet):
// - the npm dependencies: `npm ci` when node_modules is absent, `npm install` when it does not
//   hold what package-lock.json pins;
// - the Debian packages (browsers and the local SIP stack): scripts/install-prerequisites.sh
//   when one is missing and we are root or have password-less sudo; otherwise the exact command.
//   node scripts/lib/setup.mjs        (exit code 0 when everything is there)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (message) => console.log(`[vc-phone] ${message}`);

/** The packages a lock file pins (install path -> version); optional ones (skipped on some platforms) only if `withOptional`. */
function pinnedPackages(lockFile, withOptional) {
  const { packages = {} } = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
  return new Map(
    Object.entries(packages)
      .filter(([where, entry]) => where !== '' && (withOptional || !entry.optional))
      .map(([where, entry]) => [where, entry.version]),
  );
}

/**
 * Why the dependencies must be installed, or undefined when node_modules holds what
 * package-lock.json pins. By content (npm's record of what it installed,
 * node_modules/.package-lock.json), not by file times: a checkout or a copy that touches the lock
 * file without changing it is not a reason to install again.
 */
export function dependenciesStaleReason(dir = root) {
  const installed = path.join(dir, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed)) return 'node_modules is missing';
  const have = pinnedPackages(installed, true);
  for (const [where, version] of pinnedPackages(path.join(dir, 'package-lock.json'), false)) {
    if (have.get(where) !== version) return `package-lock.json pins ${where.replace(/^.*node_modules\//, '')}@${version}, node_modules has ${have.get(where) ?? 'none'}`;
  }
  return undefined;
}

/**
 * Installs the npm dependencies when they are missing (`npm ci`) or stale (`npm install`, which
 * keeps node_modules as it is when the registry cannot be reached, where `npm ci` empties it
 * first). Exits the process if it fails.
 */
export function ensureDependencies() {
  const reason = dependenciesStaleReason();
  if (!reason) return false;
  const command = reason === 'node_modules is missing' ? 'ci' : 'install';
  log(`installing the npm dependencies (npm ${command}: ${reason})…`);
  // Never let a package fetch a browser of its own: the tests use Debian's Chromium and Firefox.
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  const result = spawnSync('npm', [command, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    log(`npm ${command} failed (see above). The registry must be reachable; Node 20.19+, 22.13+ or 24+ (package.json "engines", .nvmrc).`);
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

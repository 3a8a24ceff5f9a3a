// The CDN bundle (cdn/, rollup.config.mjs), built only when something it is made of changed
// since the last build: `npm start` and the benchmarks take seconds on a second run, not a
// full rollup build (~20 s on 2 cores).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What the CDN build is made of: its sources, its configuration and the installed packages. */
const INPUTS = ['src', 'rollup.config.mjs', 'scripts/lib/rollup-outbound-only.mjs', 'scripts/lib/rollup-small-md5.mjs', 'scripts/lib/rollup-slim-grammar.mjs', 'scripts/lib/slim-grammar.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];
/** Written after a successful build: the newest input time it was made from (outside cdn/, which is packed). */
const STAMP = path.join(root, '.tmp', 'cdn-build-stamp.json');

function newestTime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestTime(path.join(file, entry)));
  return newest;
}

/** Why cdn/ must be rebuilt, or undefined when it is up to date. */
export function cdnStaleReason() {
  if (!fs.existsSync(path.join(root, 'cdn', 'vc-phone.js'))) return 'cdn/ is not built yet';
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return 'no record of the last build';
  }
  const newest = Math.max(...INPUTS.map((input) => newestTime(path.join(root, input))));
  return newest > stamp.inputs ? 'sources changed since the last build' : undefined;
}

/**
 * Builds cdn/ with rollup if it is stale (or `force`: from scratch, cdn/ removed first); returns
 * true when it built. Exits on a failed build. VC_CDN_REUSE=1 turns `force` into "only when
 * stale": `npm test` sets it for the package suite, whose prepack would otherwise bundle the same
 * sources again minutes after the run's own build of them.
 */
export function buildCdnIfStale({ force = false, log = (message) => console.log(message) } = {}) {
  if (force && process.env.VC_CDN_REUSE === '1' && !cdnStaleReason()) {
    log('the CDN bundle is up to date (cdn/, VC_CDN_REUSE=1): not rebuilt');
    return false;
  }
  const reason = force ? 'asked to' : cdnStaleReason();
  if (!reason) return false;
  const inputs = Math.max(...INPUTS.map((input) => newestTime(path.join(root, input))));
  log(`building the CDN bundle (rollup: ${reason})…`);
  if (force) fs.rmSync(path.join(root, 'cdn'), { recursive: true, force: true });
  const build = spawnSync(path.join(root, 'node_modules/.bin/rollup'), ['-c', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.mkdirSync(path.dirname(STAMP), { recursive: true });
  fs.writeFileSync(STAMP, JSON.stringify({ inputs, builtAt: Date.now() }));
  return true;
}

// `node scripts/lib/cdn-build.mjs [--force]`: the build step of `npm run build` (always, --force,
// unless VC_CDN_REUSE=1 and cdn/ is up to date)
// and of the e2e suite (only when stale), so `npm test` does not bundle the same sources twice.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Progress on stderr: `npm pack --json` (whose prepack runs this) keeps stdout for its JSON.
  buildCdnIfStale({ force: process.argv.includes('--force'), log: (message) => console.error(message) });
}

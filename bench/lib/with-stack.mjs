// Runs the calling benchmark script again inside a private network namespace, with the
// project's SIP stack up (as the e2e suite does), after building the CDN bundle if it is stale. Returns only
// inside the namespace; outside it exits with the inner run's status.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCdnIfStale } from '../../scripts/lib/cdn-build.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function runInsideStack(scriptUrl, name) {
  if (process.env.VC_IN_NETNS) return;
  buildCdnIfStale();
  const script = fileURLToPath(scriptUrl);
  const args = process.argv.slice(2).map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const inner = [
    'ip link set lo up',
    `D=${root}/.stack/${name}`,
    'rm -rf "$D"',
    'bash test/e2e/stack/stack.sh up "$D" >/dev/null',
    `trap 'bash test/e2e/stack/stack.sh down "$D" >/dev/null 2>&1' EXIT`,
    `VC_STACK_DIR="$D" node '${script}' ${args}`,
  ].join(' && ');
  const result = spawnSync('unshare', ['--net', 'bash', '-c', inner], { cwd: root, stdio: 'inherit', env: { ...process.env, VC_IN_NETNS: '1' } });
  process.exit(result.status ?? 1);
}

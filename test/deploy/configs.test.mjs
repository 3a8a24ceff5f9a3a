// The production recipe in deploy/ is accepted by the packaged daemons (Debian 12: kamailio,
// rtpengine-daemon, coturn; scripts/install-prerequisites.sh) and does what deploy/README.md says
// it does. Run: node --test test/deploy/  (as root: network namespaces; nothing is skipped).
//
//  1. `kamailio -c` on deploy/kamailio/kamailio.cfg as shipped (and its IP-auth trunk variant, and
//     with the loopback test values): fast, no daemon; inside `unshare --net` because Kamailio
//     resolves its listen addresses while checking.
//  2. netns-check.mjs in a private network and PID namespace (only a loopback device; whatever it
//     starts dies with it). It takes no lock: `npm test` runs one suite at a time (beside other
//     stacks, wrap the command in `flock /tmp/vc-stack.lock`). It starts rtpengine, coturn and Kamailio with the deploy files (addresses mapped to 127.0.0.x,
//     a throw-away certificate: test/deploy/loopback.mjs), probes them, stops them by PID.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { edgeDefines } from './loopback.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const kamailioCfg = path.join(root, 'deploy/kamailio/kamailio.cfg');

for (const [program, pkg] of [['kamailio', 'kamailio'], ['rtpengine', 'rtpengine-daemon'], ['turnserver', 'coturn'], ['unshare', 'util-linux'], ['ip', 'iproute2'], ['openssl', 'openssl']]) {
  const found = spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
  if (!found) throw new Error(`${program} is missing: run scripts/install-prerequisites.sh (Debian package ${pkg})`);
}

/** `kamailio -c` inside a private network namespace: exit status and output. */
function kamailioCheck(extra = []) {
  const r = spawnSync('unshare', ['--net', 'kamailio', '-c', '-f', kamailioCfg, ...extra], { encoding: 'utf8', timeout: 30000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
const problems = (output) => output.split('\n').filter((l) => /ERROR|CRITICAL|parse error/.test(l)).join('\n');

describe('kamailio -c on deploy/kamailio/kamailio.cfg', () => {
  const variants = [
    ['as shipped (digest trunk, production placeholders)', []],
    ['with -A TRUNK_IP_AUTH (trunk authenticates by source address)', ['-A', 'TRUNK_IP_AUTH']],
    ['with the loopback test values (-A defines)', edgeDefines({ tlsCfg: '/nonexistent/tls.cfg', dsList: '/nonexistent/dispatcher.list' })],
  ];
  for (const [name, extra] of variants) {
    it(name, () => {
      const { status, output } = kamailioCheck(extra);
      assert.equal(problems(output), '', output);
      assert.match(output, /config file ok, exiting/, output);
      assert.equal(status, 0, output);
    });
  }
});

describe('deploy/rtpengine/rtpengine.conf', () => {
  it('names only options rtpengine has (it ignores unknown keys: a typo would go unnoticed at start)', () => {
    const help = execFileSync('rtpengine', ['--help'], { encoding: 'utf8' });
    const text = fs.readFileSync(path.join(root, 'deploy/rtpengine/rtpengine.conf'), 'utf8');
    const sections = text.match(/^\[.*\]$/gm) ?? [];
    assert.deepEqual(sections, ['[rtpengine]'], 'one [rtpengine] section (the one the daemon reads by default)');
    const keys = text.split('\n').filter((l) => !/^\s*(#|;|\[|$)/.test(l)).map((l) => l.split('=')[0].trim());
    assert.ok(keys.length >= 10, keys.join(' '));
    assert.deepEqual(keys.filter((k) => !new RegExp(`--${k}[=\\s]`).test(help)), [], 'keys that are not rtpengine options');
  });
});

describe('the daemons with the deploy files, on loopback in a private network namespace', () => {
  let report;
  it('runs (unshare --net --pid)', () => {
    const out = execFileSync('unshare', ['--net', '--pid', '--fork', '--kill-child', process.execPath, path.join(here, 'netns-check.mjs')], {
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    report = JSON.parse(out.trim().split('\n').pop());
    assert.ok(report.steps.length > 0, out);
  });
  it('every probe passed', () => {
    assert.ok(report, 'no report');
    const logs = Object.entries(report.daemons).map(([name, d]) => `--- ${name} ${JSON.stringify(d.exited)}\n${d.log.slice(-4000)}`).join('\n');
    const failed = report.steps.filter((s) => !s.ok);
    assert.deepEqual(failed.map((s) => s.name), [], `${failed.map((s) => `${s.name}\n${s.detail}`).join('\n\n')}\n\n${logs}`);
    // the full list, so a change that drops a probe shows up here
    assert.equal(report.steps.length, 15, report.steps.map((s) => s.name).join('\n'));
  });
  it('each daemon ran until stopped by its PID (SIGTERM), and logged no configuration error', () => {
    assert.ok(report, 'no report');
    assert.deepEqual(Object.keys(report.daemons).sort(), ['coturn', 'kamailio', 'rtpengine']);
    for (const [name, d] of Object.entries(report.daemons)) {
      assert.ok(d.stoppedByUs && !d.killed, `${name}: ${JSON.stringify(d.exited)}\n${d.log.slice(-4000)}`);
      // up to the SIGTERM: Kamailio's processes log CRITICAL "receive_fd(): EOF" while they end
      const running = d.log.split(/^.*(?:signal 15 received|Thank you for flying).*$/m)[0];
      const bad = running.split('\n').filter((l) => CONFIG_ERRORS[name].test(l) && !EXPECTED[name].test(l));
      assert.deepEqual(bad, [], `${name} log:\n${d.log.slice(-4000)}`);
    }
  });
});

// Log lines that mean a daemon did not take its file as written (it may still run).
const CONFIG_ERRORS = {
  kamailio: /ERROR|CRITICAL/,
  rtpengine: /\] (WARNING|ERR|CRIT|ALERT|EMERG):/,
  coturn: /ERROR|CONFIG|Bad configuration|Unknown|cannot|can't/i,
};
// ...except these, expected on a test machine: no rtpengine kernel module (rtpengine-kernel-dkms is
// not installed: userspace forwarding), no SCTP in the kernel (coturn tries SCTP listeners).
const EXPECTED = {
  kamailio: /^$/,
  rtpengine: /FAILED TO CREATE KERNEL TABLE 0 .*KERNEL FORWARDING DISABLED/,
  coturn: /^socket: Protocol not supported$/,
};

// `npm test`: every suite, with each one's wall time and the total printed at the end.
//   node scripts/test-all.mjs                        (npm test)
//   VC_TEST_SERIAL=1 node scripts/test-all.mjs       (one suite at a time, output streamed)
//   VC_TEST_E2E_ALONE=1 node scripts/test-all.mjs    (two lanes side by side, then the e2e suite alone: slower)
//
// By default three lanes run side by side on 2 cores:
// - chromium: the unit + element tests in Chromium, then Storybook's stories, the deploy configs;
// - firefox:  the manifest/API checks, React, Angular/Vue, the npm package (its prepack rebuilds
//             dist/, and cdn/ in place if a source changed since the run's own build of it), then
//             the unit + element tests in Firefox ESR;
// - e2e:      the CDN bundle (rollup, unless cdn/ is up to date) and a copy of it in
//             .tmp/e2e-cdn/, which the end-to-end suite then serves as /cdn/. The package suite
//             waits for that copy, so it may rebuild cdn/ while the e2e suite runs.
// The end-to-end suite plays and records real audio, and its programs (Chromium, Firefox,
// baresip, rtpengine...) mostly wait: on average it keeps far less than one core busy. So it runs
// at normal priority while the two other lanes run at a slightly lower one (`nice -n 5`): when
// both want the CPU, the e2e suite's processes get about three quarters of it. Not lower: on a
// loaded machine, lanes at nice 10 got so little CPU (their session's share of a core shrinks
// with its weight) that a unit test ran out of its 10 s (measured beside a CPU hog). The SIP
// stack's programs run in their own sessions, so no lane of ours takes their share.
// The lanes share nothing else: no port (the e2e suite runs in its own network namespace, the
// other servers take a free port), no build output (the browser tests compile src/ on the fly; no
// suite but the package one writes cdn/, and the e2e suite reads its own copy), and their tests
// wait for conditions with deadlines.
// A lane's output is printed in one piece when its suite ends; the e2e suite's is streamed line by
// line, with those blocks between its lines. After a failure no new suite starts; the exit code
// is the first failure's.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The two background lanes are balanced by their suites' times: with both browsers' unit suites
// one after the other in one lane, that lane alone was the critical path of `npm test` (584 s,
// while the other ended at 508 s).
const BACKGROUND = [
  ['chromium', ['test:unit', 'test:storybook', 'test:deploy']],
  ['firefox', ['analyze:check', 'test:react', 'test:frameworks', 'test:package', 'test:unit:firefox']],
];
/** This suite rebuilds cdn/ in place: it starts once the e2e suite's copy is made. */
const REBUILDS_CDN = 'test:package';
/**
 * Its prepack (`npm run build`) bundles cdn/ again only if a source changed since the run's own
 * build of it (the "cdn bundle" step, or `test:e2e`'s): the same rollup build twice is ~20 s of CPU.
 */
const SUITE_ENV = { 'test:package': { VC_CDN_REUSE: '1' } };
const E2E = 'test:e2e';
const CDN_COPY = path.join(root, '.tmp', 'e2e-cdn');
const serial = process.env.VC_TEST_SERIAL === '1';
// The e2e suite beside the lanes takes `npm test` from about 11 to 8 minutes. Two e2e failures
// once blamed on it (phone.test 7 and 8) came from two CI runs sharing one clone directory (each
// run's `rm -rf .stack/e2e` pulled the other's recordings away), not from the layout.
const e2eAlone = process.env.VC_TEST_E2E_ALONE === '1';

const t0 = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const results = [];
let failed = 0;

/** Writes whole lines of a streamed child's output, so blocks printed meanwhile fall between lines. */
function lineWriter(out) {
  let pending = '';
  return {
    write(chunk) {
      pending += chunk.toString();
      const end = pending.lastIndexOf('\n');
      if (end < 0) return;
      out.write(pending.slice(0, end + 1));
      pending = pending.slice(end + 1);
    },
    flush() {
      if (pending) out.write(`${pending}\n`);
      pending = '';
    },
  };
}

/**
 * Runs `npm run <script>`: streamed line by line, or buffered and printed in one piece at the
 * end; `background` runs it (and everything it starts) at a lower CPU priority (nice 5).
 */
function runSuite(script, lane, { stream, background, env, argv = ['npm', 'run', '--silent', script] }) {
  if (failed) {
    results.push({ script, lane, status: 'skipped', wall: 0, at: Date.now() - t0 });
    return Promise.resolve(false);
  }
  const started = Date.now();
  console.log(`[npm test] ${script} started (${lane}${background ? ', nice 5' : ''}, at ${seconds(started - t0)})`);
  return new Promise((resolve) => {
    const [file, ...args] = background ? ['nice', '-n', '5', ...argv] : argv;
    const child = spawn(file, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const chunks = [];
    const writers = stream ? [lineWriter(process.stdout), lineWriter(process.stderr)] : [];
    child.stdout.on('data', (chunk) => (stream ? writers[0].write(chunk) : chunks.push(chunk)));
    child.stderr.on('data', (chunk) => (stream ? writers[1].write(chunk) : chunks.push(chunk)));
    child.on('close', (code, signal) => {
      const wall = Date.now() - started;
      const ok = code === 0;
      for (const writer of writers) writer.flush();
      if (!stream) process.stdout.write(`\n===== ${script} (${lane}) =====\n${Buffer.concat(chunks).toString()}`);
      console.log(`[npm test] ${script} ${ok ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds(wall)}`);
      results.push({ script, lane, status: ok ? 'passed' : 'FAILED', wall, at: started - t0 });
      if (!ok && !failed) failed = code || 1;
      resolve(ok);
    });
  });
}

/** Runs a lane's suites one after the other; `before(script)` may hold a suite back until it resolves. */
async function runLane([lane, scripts], options, before = async () => {}) {
  for (const script of scripts) {
    await before(script);
    await runSuite(script, lane, { ...options, env: { ...SUITE_ENV[script], ...options.env } });
  }
}

let layout;
if (serial) {
  layout = 'one at a time';
  for (const lane of BACKGROUND) await runLane(lane, { stream: true, background: false });
  await runLane(['e2e', [E2E]], { stream: true, background: false });
} else if (e2eAlone) {
  layout = 'lanes "chromium" and "firefox" side by side, then e2e alone';
  await Promise.all(BACKGROUND.map((lane) => runLane(lane, { stream: false, background: false })));
  await runLane(['e2e', [E2E]], { stream: true, background: false });
} else {
  layout = 'lanes "chromium" and "firefox" at nice 5, "e2e" beside them at normal priority';
  let copied;
  const cdnCopied = new Promise((resolve) => (copied = resolve));
  const e2e = (async () => {
    // The bundle the e2e pages load, and a copy of it that the package suite's rebuild can't touch.
    try {
      if (await runSuite('cdn bundle', 'e2e', { stream: true, background: false, argv: ['node', 'scripts/lib/cdn-build.mjs'] })) {
        fs.rmSync(CDN_COPY, { recursive: true, force: true });
        fs.cpSync(path.join(root, 'cdn'), CDN_COPY, { recursive: true });
      }
    } catch (error) {
      console.log(`[npm test] copying cdn/ for the e2e suite FAILED: ${error.message}`);
      failed ||= 1;
    } finally {
      copied();
    }
    await runSuite(E2E, 'e2e', { stream: true, background: false, env: { VC_E2E_CDN_DIR: CDN_COPY } }); // skipped after a failure
  })();
  const background = BACKGROUND.map((lane) => runLane(lane, { stream: false, background: true }, (script) => script === REBUILDS_CDN && cdnCopied));
  await Promise.all([...background, e2e]);
}

const total = Date.now() - t0;
console.log(`\n[npm test] wall time per suite (${layout}):`);
for (const r of results) {
  console.log(`  ${r.script.padEnd(20)} ${r.lane.padEnd(9)} ${r.status.padEnd(8)} ${seconds(r.wall).padStart(6)}   (started at ${seconds(r.at)})`);
}
console.log(`  ${'total'.padEnd(20)} ${''.padEnd(9)} ${(failed ? 'FAILED' : 'passed').padEnd(8)} ${seconds(total).padStart(6)}`);
process.exitCode = failed;

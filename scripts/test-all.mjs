// `npm test`: every suite, with each one's wall time and the total printed at the end.
//   node scripts/test-all.mjs                        (npm test)
//   VC_TEST_SERIAL=1 node scripts/test-all.mjs       (one suite at a time, output streamed)
//   VC_TEST_E2E_ALONE=1 node scripts/test-all.mjs    (the two lanes first, then the e2e suite alone)
//
// Three lanes run side by side on 2 cores:
// - browsers: the unit + element tests in Chromium, then the same in Firefox ESR;
// - node:     the npm package first (its prepack builds dist/ and cdn/, which the e2e suite
//             reuses), then the manifest/API checks, React, Angular/Vue, Storybook, the deploy configs;
// - e2e:      the end-to-end suite, started as soon as the package suite has built cdn/.
// The end-to-end suite plays and records real audio, and its programs (Chromium, Firefox,
// baresip, rtpengine...) mostly wait: on average it keeps far less than one core busy. So it runs
// at normal priority while the two other lanes run at a lower one (`nice -n 10`): when both want
// the CPU, the e2e suite's processes get most of it. Not lower than 10: a nice-19 lane next to
// other work on a shared machine gets next to nothing (its session's share of a core shrinks
// with its weight), and its own deadlines then run out. The SIP stack's programs run in their
// own sessions, so the other lanes never take their share.
// The lanes share nothing else: no port (the e2e suite runs in its own network namespace, the
// other servers take a free port), no build output (the browser tests compile src/ on the fly; no
// suite writes cdn/ after the package suite), and their tests wait for conditions with deadlines.
// A lane's output is printed in one piece when its suite ends; the e2e suite's is streamed line by
// line, with those blocks between its lines. After a failure no new suite starts; the exit code
// is the first failure's.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BACKGROUND = [
  ['browsers', ['test:unit', 'test:unit:firefox']],
  ['node', ['test:package', 'analyze:check', 'test:react', 'test:frameworks', 'test:storybook', 'test:deploy']],
];
/** The e2e suite starts once this suite has passed (it builds the cdn/ bundle the e2e pages load). */
const E2E_AFTER = 'test:package';
const E2E = 'test:e2e';
const serial = process.env.VC_TEST_SERIAL === '1';
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
 * end; `background` runs it (and everything it starts) at a lower CPU priority (nice 10).
 */
function runSuite(script, lane, { stream, background }) {
  if (failed) {
    results.push({ script, lane, status: 'skipped', wall: 0, at: Date.now() - t0 });
    return Promise.resolve(false);
  }
  const started = Date.now();
  console.log(`[npm test] ${script} started (${lane}${background ? ', nice 10' : ''}, at ${seconds(started - t0)})`);
  return new Promise((resolve) => {
    const command = ['npm', 'run', '--silent', script];
    const [file, ...args] = background ? ['nice', '-n', '10', ...command] : command;
    const child = spawn(file, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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

async function runLane([lane, scripts], options, onPassed = () => {}) {
  for (const script of scripts) if (await runSuite(script, lane, options)) onPassed(script);
}

let layout;
if (serial) {
  layout = 'one at a time';
  for (const lane of BACKGROUND) await runLane(lane, { stream: true, background: false });
  await runLane(['e2e', [E2E]], { stream: true, background: false });
} else if (e2eAlone) {
  layout = 'lanes "browsers" and "node" side by side, then e2e alone';
  await Promise.all(BACKGROUND.map((lane) => runLane(lane, { stream: false, background: false })));
  await runLane(['e2e', [E2E]], { stream: true, background: false });
} else {
  layout = `lanes "browsers" and "node" at nice 10, "e2e" beside them at normal priority once ${E2E_AFTER} passed`;
  let startE2e;
  const cdnBuilt = new Promise((resolve) => (startE2e = resolve));
  // Only the lane that runs E2E_AFTER decides: started once it passed, or marked skipped if it failed.
  const background = BACKGROUND.map((lane) => {
    const running = runLane(lane, { stream: false, background: true }, (script) => script === E2E_AFTER && startE2e());
    return lane[1].includes(E2E_AFTER) ? running.finally(startE2e) : running;
  });
  const e2e = cdnBuilt.then(() => runLane(['e2e', [E2E]], { stream: true, background: false }));
  await Promise.all([...background, e2e]);
}

const total = Date.now() - t0;
console.log(`\n[npm test] wall time per suite (${layout}):`);
for (const r of results) {
  console.log(`  ${r.script.padEnd(20)} ${r.lane.padEnd(9)} ${r.status.padEnd(8)} ${seconds(r.wall).padStart(6)}   (started at ${seconds(r.at)})`);
}
console.log(`  ${'total'.padEnd(20)} ${''.padEnd(9)} ${(failed ? 'FAILED' : 'passed').padEnd(8)} ${seconds(total).padStart(6)}`);
process.exitCode = failed;

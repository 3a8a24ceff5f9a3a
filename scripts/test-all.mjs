// `npm test`: every suite, with each one's wall time and the total printed at the end.
//   node scripts/test-all.mjs             (npm test)
//   VC_TEST_SERIAL=1 node scripts/test-all.mjs   (one suite at a time, output streamed)
//
// Two lanes run side by side on 2 cores, then the end-to-end suite runs alone:
// - browsers: the unit + element tests in Chromium, then the same in Firefox ESR;
// - node:     the manifest/API checks, React, Angular/Vue, the npm package (its prepack builds dist/ and cdn/,
//             which the e2e suite then reuses), Storybook, the deploy configs.
// The two lanes share nothing (no port, no build output: the browser tests compile src/ on the fly),
// and their tests wait for conditions with deadlines, not fixed times. The end-to-end suite plays
// and records real audio, so it never shares the CPU with another suite of ours.
// A lane's output is printed in one piece when its suite ends (not interleaved). After a failure
// no new suite starts; the exit code is the first failure's.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LANES = [
  ['browsers', ['test:unit', 'test:unit:firefox']],
  ['node', ['analyze:check', 'test:react', 'test:frameworks', 'test:package', 'test:storybook', 'test:deploy']],
];
const ALONE = ['test:e2e'];
const serial = process.env.VC_TEST_SERIAL === '1';

const t0 = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const results = [];
let failed = 0;

/** Runs `npm run <script>`; streams its output, or buffers it and prints it in one piece at the end. */
function runSuite(script, lane, stream) {
  if (failed) {
    results.push({ script, lane, status: 'skipped', wall: 0, at: Date.now() - t0 });
    return Promise.resolve();
  }
  const started = Date.now();
  console.log(`[npm test] ${script} started (${lane}, at ${seconds(started - t0)})`);
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: root, stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    if (!stream) {
      child.stdout.on('data', (chunk) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => chunks.push(chunk));
    }
    child.on('close', (code, signal) => {
      const wall = Date.now() - started;
      const ok = code === 0;
      if (!stream) process.stdout.write(`\n===== ${script} (${lane}) =====\n${Buffer.concat(chunks).toString()}`);
      console.log(`[npm test] ${script} ${ok ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds(wall)}`);
      results.push({ script, lane, status: ok ? 'passed' : 'FAILED', wall, at: started - t0 });
      if (!ok && !failed) failed = code || 1;
      resolve();
    });
  });
}

async function runLane([lane, scripts], stream) {
  for (const script of scripts) await runSuite(script, lane, stream);
}

if (serial) {
  for (const lane of LANES) await runLane(lane, true);
} else {
  await Promise.all(LANES.map((lane) => runLane(lane, false)));
}
await runLane(['alone', ALONE], true);

const total = Date.now() - t0;
console.log(`\n[npm test] wall time per suite (${serial ? 'one at a time' : 'lanes "browsers" and "node" side by side, then e2e alone'}):`);
for (const r of results) {
  console.log(`  ${r.script.padEnd(20)} ${r.lane.padEnd(9)} ${r.status.padEnd(8)} ${seconds(r.wall).padStart(6)}   (started at ${seconds(r.at)})`);
}
console.log(`  ${'total'.padEnd(20)} ${''.padEnd(9)} ${(failed ? 'FAILED' : 'passed').padEnd(8)} ${seconds(total).padStart(6)}`);
process.exitCode = failed;

// One scripted far end per test: a sipp UAS running a scenario of test/e2e/merge/, reached by
// Kamailio as sip:<name>@127.0.0.1:<port>. Its exit code says whether it saw what it expected.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../stack/far-end.mjs';
import { root, stackDir } from './harness.mjs';

// Kamailio relays sip:<name>@127.0.0.1:<5100-5199> as dialled; far-ends.test.mjs counts up from 5100.
let nextPort = 5170;

/** True once something listens on this UDP port (sipp is ready for the INVITE). */
function udpBound(port) {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return ['/proc/net/udp', '/proc/net/udp6'].some((file) => fs.existsSync(file) && fs.readFileSync(file, 'utf8').split('\n').some((line) => line.trim().split(/\s+/)[1]?.endsWith(hex)));
}

/**
 * Starts `test/e2e/merge/<scenario>.xml` for one call, in `cwd` (where its media files are).
 * `done` resolves with sipp's exit code and the tail of its error log.
 */
export async function sippFarEnd(scenario, { cwd = stackDir } = {}) {
  const port = nextPort;
  nextPort += 2;
  const logs = path.join(stackDir, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  const errorFile = path.join(logs, `merge-${scenario}-${port}-errors.log`);
  const rtpPort = 32000 + (port - 5170) * 20;
  const sipp = spawn(
    'sipp',
    ['-sf', path.join(root, 'test/e2e/merge', `${scenario}.xml`), '-i', '127.0.0.1', '-p', String(port), '-mp', String(rtpPort),
      '-m', '1', '-timeout', '90s', '-timeout_error', '-nostdin',
      '-trace_msg', '-message_file', path.join(logs, `merge-${scenario}-${port}-messages.log`), '-trace_err', '-error_file', errorFile],
    { cwd, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  sipp.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise((resolve) =>
    sipp.on('exit', (code) => resolve({ code, errors: (fs.existsSync(errorFile) ? fs.readFileSync(errorFile, 'utf8').slice(-2000) : '') + stderr.slice(-1000) })),
  );
  await waitFor(() => udpBound(port) || sipp.exitCode !== null, 5000);
  if (sipp.exitCode !== null) throw new Error(`sipp (${scenario}) did not start: ${stderr.slice(-1000)}`);
  return { uri: `sip:${scenario}@127.0.0.1:${port}`, done, stop: () => sipp.exitCode === null && sipp.kill('SIGKILL') };
}

// Unit and element tests in Debian's Chromium (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/lib/chromium.mjs';

export default {
  files: ['test/unit/**/*.test.ts', 'test/events/**/*.test.ts', 'test/components/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  // Each wait inside a test has its own deadline (10 s at most); the test as a whole gets 30 s,
  // because on a loaded machine the first test of a file also waits for its modules to be
  // compiled on the fly (a unit test once ran out of 10 s that way at a load of 20 on 2 cores).
  testFramework: { config: { timeout: 30000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2021' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};

// Bundles a benchmark page's script (bench/pages/NAME.ts) to .tmp/bench/NAME.js, where the
// page's HTML loads it from.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function bundleBenchPage(name) {
  return build({
    entryPoints: [path.join(root, `bench/pages/${name}.ts`)],
    bundle: true,
    format: 'esm',
    minify: true,
    tsconfig: path.join(root, 'tsconfig.json'),
    outfile: path.join(root, `.tmp/bench/${name}.js`),
    logLevel: 'error',
  });
}

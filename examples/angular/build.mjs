// Builds the Angular example into dist/ with esbuild (no Angular CLI): `node build.mjs`.
// The components are compiled in the browser (JIT: '@angular/compiler' is imported first).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles the app; `options` are merged into esbuild's (the tests point `vc-phone` at the sources). */
export async function buildAngularExample(outdir = join(here, 'dist'), options = {}) {
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [join(here, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    outfile: join(outdir, 'main.js'),
    tsconfig: join(here, 'tsconfig.json'),
    target: 'es2022',
    logLevel: 'warning',
    ...options,
  });
  await copyFile(join(here, 'index.html'), join(outdir, 'index.html'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAngularExample();

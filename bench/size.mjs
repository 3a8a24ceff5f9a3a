// Size of the CDN build: `npm run bench:size`. Builds cdn/ with rollup.config.mjs (through the
// rollup API, which also gives each chunk's static and dynamic imports); `--no-write` measures
// without touching cdn/. KB = 1024 bytes.
//
// Prints raw / gzip / brotli (node zlib, max level) for:
// - the initial chunk set: cdn/vc-phone.js and every chunk it imports statically (transitively),
//   i.e. what a page downloads before anything can paint;
// - each lazy chunk, with what loads it;
// - everything the first call needs (initial + the lazy chunks loaded on the way to a call);
// - baselines bundled in the same run with the same plugins: Lit alone, sip.js alone.
// `-- --modules` also lists each chunk's biggest modules (what rollup kept).
// Budget: initial <= 15 KB gzip (exit code 1 if over); goal for a first call <= 100 KB gzip (printed).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import config from '../rollup.config.mjs';
import { AFTER_CONNECT, LOCALE_TABLE } from './lib/chunk-classes.mjs';
import { firstCallFiles, heaviestZone, NUMBER_ZONE, reachable } from './lib/first-call.mjs';
import { bytesBySource, originOf } from './lib/minified-origins.mjs';

const BUDGET_GZIP = 15 * 1024;
/** Goal for everything a first call loads (issue 15); printed, not enforced. */
const FIRST_CALL_GOAL_GZIP = 100 * 1024;

const measure = (code) => {
  const buffer = Buffer.from(code);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO = { raw: 0, gzip: 0, brotli: 0 };
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (label, size) => `${label.padEnd(46)} ${kb(size.raw).padStart(10)} ${kb(size.gzip).padStart(10)} ${kb(size.brotli).padStart(10)}`;

/** Bundles `config` in memory (and writes it to cdn/ unless --no-write); returns its chunks by file name. */
async function build(options, write) {
  const bundle = await rollup({ ...options, onwarn: options.onwarn ?? (() => {}) });
  const { output } = write ? await bundle.write(options.output) : await bundle.generate(options.output);
  await bundle.close();
  return new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
}

/** A one-module bundle of `source` with the same resolve + terser settings as the CDN build. */
async function baseline(source) {
  const chunks = await build(
    {
      input: 'baseline',
      plugins: [
        { name: 'baseline', resolveId: (id) => (id === 'baseline' ? id : null), load: (id) => (id === 'baseline' ? source : null) },
        nodeResolve({ browser: true }),
        terser({ ecma: 2021, module: true, format: { comments: false } }),
      ],
      onwarn: () => {},
      output: { format: 'es', inlineDynamicImports: true },
    },
    false,
  );
  return [...chunks.values()].map((chunk) => measure(chunk.code)).reduce(add, ZERO);
}

const t0 = Date.now();
const chunks = await build(config, !process.argv.includes('--no-write'));
const entry = chunks.get('vc-phone.js');

const initial = reachable(chunks, entry.fileName, false);
const firstCall = firstCallFiles(chunks, entry.fileName);
const heaviest = heaviestZone(chunks);
const sizeOf = (files) => [...files].map((file) => measure(chunks.get(file).code)).reduce(add, ZERO);
const loadedBy = (file) =>
  [...chunks.values()].filter((chunk) => chunk.dynamicImports.includes(file)).map((chunk) => chunk.fileName).join(', ');

const initialSize = sizeOf(initial);
const firstCallSize = sizeOf(firstCall);
const [litAlone, sipAlone] = await Promise.all([
  baseline(`export { LitElement, html, css, svg, nothing } from 'lit'; export { property, state } from 'lit/decorators.js';`),
  baseline(`export { UserAgent, Inviter, Registerer, SessionState, Web } from 'sip.js';`),
]);

console.log(`vc-phone CDN build (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
console.log(`${''.padEnd(46)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
console.log(row(`initial chunk set (${initial.size} files, static imports)`, initialSize));
for (const file of initial) console.log(row(`  ${file}`, measure(chunks.get(file).code)));
console.log('lazy chunks:');
const order = (file) => (NUMBER_ZONE.test(file) ? 1 : firstCall.has(file) ? 0 : 2);
for (const file of [...chunks.keys()].sort((a, b) => order(a) - order(b))) {
  if (initial.has(file) || file === 'index.js' && !firstCall.has(file)) continue;
  const zone = NUMBER_ZONE.exec(file)?.[1];
  const note = zone
    ? `numbers +${zone}…${file === heaviest ? ', heaviest: counted for a first call' : ''}`
    : firstCall.has(file) ? 'first call' : LOCALE_TABLE.test(file) ? 'that language only' : AFTER_CONNECT.some((re) => re.test(file)) ? 'only if needed; prefetched once a call connects' : 'only if needed';
  console.log(row(`  ${file}`, measure(chunks.get(file).code)) + `   <- ${loadedBy(file)} (${note})`);
}
console.log(row('everything for a first call', firstCallSize) + `   (${firstCall.size} files: initial + lazy "first call" chunks + the heaviest numbers part)`);
// What a page that places a call downloads in all: the chunks prefetched once a call connects too.
const prefetched = [...chunks.keys()].filter((file) => AFTER_CONNECT.some((re) => re.test(file)));
console.log(row('  + what is prefetched once it connects', add(firstCallSize, sizeOf(prefetched))) + `   (${prefetched.length} more files: loaded while the call goes on, not before it)`);
console.log('\nbaselines (same resolve + terser settings):');
console.log(row('  Lit alone (LitElement, html, css, decorators)', litAlone));
console.log(row('  sip.js alone (UserAgent, Inviter, Web...)', sipAlone));
console.log(`\ninitial / Lit alone: ${(initialSize.gzip / litAlone.gzip).toFixed(2)}x gzip;  first call / sip.js alone: ${(firstCallSize.gzip / sipAlone.gzip).toFixed(2)}x gzip`);
const within = initialSize.gzip <= BUDGET_GZIP;
console.log(`budget: initial ${kb(initialSize.gzip)} gzip of ${kb(BUDGET_GZIP)}: ${within ? 'within' : 'OVER'}`);
const firstCallWithin = firstCallSize.gzip <= FIRST_CALL_GOAL_GZIP;
console.log(`goal: first call ${kb(firstCallSize.gzip)} gzip of ${kb(FIRST_CALL_GOAL_GZIP)}: ${firstCallWithin ? 'within' : `over by ${kb(firstCallSize.gzip - FIRST_CALL_GOAL_GZIP)}`}`);

// What the first call is made of: each chunk's gzip shared out by its minified bytes per origin.
const gzipByOrigin = new Map();
for (const file of firstCall) {
  const chunk = chunks.get(file);
  const bytes = bytesBySource(chunk.code, chunk.map);
  const mapped = [...bytes.values()].reduce((total, n) => total + n, 0);
  const { gzip } = measure(chunk.code);
  for (const [source, n] of bytes) gzipByOrigin.set(originOf(source), (gzipByOrigin.get(originOf(source)) ?? 0) + (gzip * n) / mapped);
}
const origins = [...gzipByOrigin].sort((a, b) => b[1] - a[1]).map(([origin, gzip]) => `${origin} ${kb(gzip)}`);
console.log(`first call by origin (each chunk's gzip shared out by minified bytes): ${origins.join(', ')}`);

// `npm run bench:size -- --modules`: what each chunk is made of (its biggest modules, rendered
// after tree-shaking, before minifying; gzip of each module alone, so only a ranking).
if (process.argv.includes('--modules')) {
  for (const [file, chunk] of chunks) {
    const modules = Object.entries(chunk.modules)
      .filter(([, module]) => module.renderedLength > 0)
      .map(([id, module]) => ({ id: id.replace(/^.*node_modules\//, '').replace(`${process.cwd()}/`, ''), raw: module.renderedLength, gzip: gzipSync(module.code ?? '').length }))
      .sort((a, b) => b.gzip - a.gzip);
    console.log(`\n${file}: ${modules.length} modules; biggest (raw rendered / gzip alone):`);
    for (const module of modules.slice(0, 15)) console.log(`  ${kb(module.raw).padStart(9)} ${kb(module.gzip).padStart(9)}  ${module.id}`);
  }
}
process.exitCode = within ? 0 : 1;

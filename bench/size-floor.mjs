// How far a first call's download could shrink, and by which means: `npm run bench:size-floor`.
// It measures, in one run and with the CDN build's own plugins (rollup.config.mjs), what each
// remaining lever would save on "everything for a first call" (the figure bench/size.mjs prints):
// - minifier: the first call's chunks minified again with more terser passes and its unsafe
//   transforms (bytes a stronger minifier finds);
// - mangled private names: TypeScript `private`/`protected` members of our classes renamed to
//   short names, where no public member, library or DOM name shares the name (what a build-time
//   renamer could remove);
// - one file: all first-call chunks as one file (what our split into chunks costs gzip);
// - deferred: the CDN build again, with every module that only runs once a call is connected
//   (in-call controls, hold, DTMF, quality, transfer, merge, history, wrap-up, device choice, tabs)
//   and the as-you-type formatter moved into chunks left out of the count, as if they loaded after
//   the call connects. A generous upper bound on what deferring can save: some of them (the
//   formatter, the Hang up button's file) are needed before the call connects.
// Nothing here changes cdn/. Each lever is measured alone against the same baseline;
// `-- --chunks` lists the deferred build's chunks.
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { minify } from 'terser';
import config from '../rollup.config.mjs';
import { firstCallFiles } from './lib/first-call.mjs';
import { bytesBySource, originOf } from './lib/minified-origins.mjs';
import { privateMemberNames } from './lib/private-members.mjs';

const GOAL = 100 * 1024;
const gzip = (code) => gzipSync(Buffer.from(code), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Modules a connected call uses but placing one does not (a generous list: see the header). */
const AFTER_CONNECT_MODULES = [
  /\/src\/components\/(dialpad|mute-button|color-tag)\//,
  /\/src\/components\/call-box\/(call-box-controls(\.styles)?|merge-controls|lazy-transfer|input-level-meter|quality-words|talk-time-ticker|call-box-keys|confirm-dialog)\.ts$/,
  /\/src\/phone\/(call-quality|call-quality-state|quality-watch|quality-warnings|input-level|mos|sip-hold|sip-dtmf|sip-microphone-switch|call-hold|dtmf-queue|call-transfer|consult-call|lazy-merges|audio-devices|wrap-up|wrap-up-desk|call-history|lazy-outbox)\.ts$/,
  /\/src\/phone\/tabs\//,
  /\/node_modules\/libphonenumber-js\/es6\/AsYouType/,
];

/** Builds the CDN config in memory; `manualChunks` may move modules into named chunks. */
async function build(manualChunks) {
  const bundle = await rollup({ ...config, onwarn: () => {} });
  const { output } = await bundle.generate({ ...config.output, ...(manualChunks ? { manualChunks } : {}) });
  await bundle.close();
  return new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
}

/** The chunks a first call loads (as bench/size.mjs counts them), leaving out `skip`. */
const firstCallChunks = (chunks, skip) => [...firstCallFiles(chunks, 'vc-phone.js', skip)].map((file) => chunks.get(file));

const sum = (values) => values.reduce((total, value) => total + value, 0);
const chunks = await build();
const first = firstCallChunks(chunks);
const baseline = sum(first.map((chunk) => gzip(chunk.code)));

const stronger = { passes: 3, pure_getters: true, unsafe: true, unsafe_arrows: true, unsafe_comps: true, unsafe_methods: true };
const reminified = await Promise.all(first.map((chunk) => minify(chunk.code, { module: true, ecma: 2021, compress: stronger, mangle: true })));
const minifier = baseline - sum(reminified.map((result) => gzip(result.code)));

// Library code as bundled: a name it uses as a property is not ours to rename.
const libraryCode = first.flatMap((chunk) => Object.entries(chunk.modules).filter(([id]) => !id.includes('/src/')).map(([, module]) => module.code ?? '')).join('\n');
const names = privateMemberNames(process.cwd(), libraryCode);
const regex = new RegExp(`^(${names.join('|')})$`);
const mangled = await Promise.all(first.map((chunk) => minify(chunk.code, { module: true, ecma: 2021, compress: false, mangle: { properties: { regex } } })));
const privateNames = baseline - sum(mangled.map((result) => gzip(result.code)));

const oneFile = baseline - gzip(first.map((chunk) => chunk.code).join('\n'));

// Every other module stays in the chunk it has today (a manual chunk would otherwise pull its
// dependencies, Lit and sip.js included, in with it).
const chunkOf = new Map();
for (const chunk of chunks.values()) for (const id of Object.keys(chunk.modules)) if (!chunk.isEntry || id !== chunk.facadeModuleId) chunkOf.set(id, chunk.isEntry ? `entry-${chunk.name}` : chunk.name);
const deferredChunks = await build((id) => (AFTER_CONNECT_MODULES.some((re) => re.test(id.replaceAll('\\', '/'))) ? 'after-connect' : chunkOf.get(id)));
const withoutAfterConnect = sum(firstCallChunks(deferredChunks, (file) => file.startsWith('chunks/after-connect-')).map((chunk) => gzip(chunk.code)));
const deferred = baseline - withoutAfterConnect;

const row = (label, saved) => `${label.padEnd(58)} -${kb(saved).padStart(8)}  -> ${kb(baseline - saved).padStart(9)}`;
console.log(`everything for a first call today: ${kb(baseline)} gzip (goal ${kb(GOAL)}, over by ${kb(baseline - GOAL)})\n`);
console.log('each lever alone (saving, and the first call it would leave):');
console.log(row('stronger minifier (terser 3 passes + unsafe transforms)', minifier));
console.log(row(`private member names mangled (${names.length} names)`, privateNames));
console.log(row(`one file instead of ${first.length}`, oneFile));
console.log(row('every after-connect module deferred (generous)', deferred));
const all = minifier + privateNames + oneFile + deferred;
console.log(`\nall four, added (an overestimate: their savings overlap): -${kb(all)} -> ${kb(baseline - all)}; goal ${kb(GOAL)}: ${baseline - all <= GOAL ? 'reachable' : `still over by ${kb(baseline - all - GOAL)}`}`);

// What the deferred build's first call is still made of (as bench/size.mjs counts origins).
const byOrigin = new Map();
for (const chunk of firstCallChunks(deferredChunks, (file) => file.startsWith('chunks/after-connect-'))) {
  const bytes = bytesBySource(chunk.code, chunk.map);
  const mapped = sum([...bytes.values()]);
  for (const [source, n] of bytes) byOrigin.set(originOf(source), (byOrigin.get(originOf(source)) ?? 0) + (gzip(chunk.code) * n) / mapped);
}
console.log(`the deferred first call by origin: ${[...byOrigin].sort((a, b) => b[1] - a[1]).map(([origin, bytes]) => `${origin} ${kb(bytes)}`).join(', ')}`);
if (process.argv.includes('--chunks')) {
  console.log('\nthe deferred build (gzip bytes, modules):');
  for (const [file, chunk] of deferredChunks) console.log(`  ${file.padEnd(44)} ${String(gzip(chunk.code)).padStart(7)} ${String(Object.keys(chunk.modules).length).padStart(4)}`);
}

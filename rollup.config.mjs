// CDN bundle (cdn/): two ESM entries.
// - cdn/vc-phone.js defines every tag. Its static import graph is only what paints before the
//   first call (Lit, <vc-phone>, <vc-place-call>); the call boxes, the Phone controller, sip.js
//   and the phone-number metadata are chunks loaded on idle or first need (src/cdn/elements.ts).
// - cdn/index.js is the API alone (Phone, events), no element.
// `npm run bench:size` prints what each chunk weighs.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { outboundOnly } from './scripts/lib/rollup-outbound-only.mjs';
import { slimGrammarPlugin } from './scripts/lib/rollup-slim-grammar.mjs';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

export default {
  input: { 'vc-phone': 'src/cdn/elements.ts', index: 'src/cdn/index.ts' },
  // Lets the entry chunk itself hold Lit for its lazy chunks (no extra facade module to fetch).
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    // The event classes a first call needs from several chunks (the field's request and refusal,
    // their base class) in one small chunk, not four of a few hundred bytes each.
    manualChunks(id) {
      if (/\/src\/(events\/(vc-event|call-request-event|input-error-event)|components\/place-call\/field-events)\.ts$/.test(id.replaceAll('\\', '/'))) return 'events';
    },
  },
  plugins: [
    outboundOnly(),
    // sip.js's SIP parser with only the rules the bundle uses (scripts/lib/slim-grammar.mjs).
    slimGrammarPlugin(),
    // No "development" condition: Lit's production build (no dev-mode warnings or checks).
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { noEmit: false, declaration: false, declarationMap: false, outDir: 'cdn', rootDir: 'src', noEmitOnError: true },
    }),
    // Our Lit templates (html``, css``) minified: terser keeps their whitespace and comments.
    // keepClosingSlash: an svg`` fragment (our icons) has no <svg> around it, so without the `/>`
    // the browser nests each <path> in the one before it, and a nested path is not drawn.
    minifyHtmlLiterals({ include: ['src/**/*.ts'], failOnError: true, options: { minifyOptions: { keepClosingSlash: true } } }),
    terser({
      ecma: 2021,
      module: true,
      compress: { passes: 2 },
      format: { comments: false },
    }),
  ],
  onwarn(warning, warn) {
    // sip.js ships `this` at the top level of some modules; harmless in ESM.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

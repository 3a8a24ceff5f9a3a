// CDN bundle: one ESM entry that defines every tag; sip.js and the phone-number metadata are
// split into chunks that load on first need (or when the page is idle).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

export default {
  // vc-phone.js defines every tag; index.js is the side-effect-free API (Phone, events) alone.
  input: { 'vc-phone': 'src/vc-phone.ts', index: 'src/index.ts' },
  output: {
    dir: 'cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true }),
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { noEmit: false, declaration: false, declarationMap: false, outDir: 'cdn', rootDir: 'src', noEmitOnError: true },
    }),
    terser({ ecma: 2021, module: true, format: { comments: false } }),
  ],
  onwarn(warning, warn) {
    // sip.js ships `this` at the top level of some modules; harmless in ESM.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

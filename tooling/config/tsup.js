// Shared build settings for every published package: ESM + CJS, types for both,
// no minification (bundlers of our users minify), tree-shakeable output.
import { defineConfig } from 'tsup';
import { pkgVersionDefine } from './pkg-version.js';

/** @param {{ entry?: Record<string, string> | string[] }} [overrides] */
export function packageConfig(overrides = {}) {
  return defineConfig({
    entry: overrides.entry ?? ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    splitting: true,
    outDir: 'dist',
    define: pkgVersionDefine(),
  });
}

export default packageConfig();

// @ts-check
// esbuild, as a user's bundler would run it: one file in, one file out, from the BUILT packages
// (bare specifiers resolve through this package's workspace links to each package's dist/).
// Files outside this package (tooling/examples) find the packages here too: `nodePaths` adds this
// package's node_modules to the places esbuild looks.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { MATRIX_DIR, NODE_MODULES } from './paths.mjs';

/**
 * The targets, with the export conditions their own toolchains use.
 * @type {Record<'workerd' | 'edge' | 'browser', { platform: import('esbuild').Platform, format: import('esbuild').Format, conditions: string[] }>}
 */
export const TARGETS = {
  // wrangler: neutral platform, ESM, conditions workerd/worker/browser.
  workerd: { platform: 'neutral', format: 'esm', conditions: ['workerd', 'worker', 'browser'] },
  // Vercel's edge functions: the edge-light condition; the edge runtime evaluates a script, not a module.
  edge: { platform: 'browser', format: 'iife', conditions: ['edge-light', 'worker', 'browser'] },
  browser: { platform: 'browser', format: 'esm', conditions: [] },
};

/** Node's built-in modules (`fs`, `node:fs`, `fs/promises`, ...): kept as imports so that a check can see them. */
export const nodeBuiltinsExternal = /** @type {import('esbuild').Plugin} */ ({
  name: 'node-builtins-external',
  setup(b) {
    const names = new Set(builtinModules);
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => (args.path.startsWith('node:') || names.has(args.path) ? { path: args.path, external: true } : undefined));
  },
});

/**
 * Bundles one entry (a file, or source text) for a target: the code, and the files that went in
 * (absolute paths, after symlinks: a package's dist/ files, never its src/).
 * @param {{ entry: string } | { source: string, resolveDir?: string }} input
 * @param {keyof typeof TARGETS} target
 * @param {{ keepNodeImports?: boolean }} [options]
 * @returns {Promise<{ code: string, inputs: string[] }>}
 */
export async function bundle(input, target, options = {}) {
  const { platform, format, conditions } = TARGETS[target];
  const result = await build({
    ...('entry' in input ? { entryPoints: [input.entry] } : { stdin: { contents: input.source, resolveDir: input.resolveDir ?? MATRIX_DIR, loader: 'js' } }),
    absWorkingDir: MATRIX_DIR,
    nodePaths: [NODE_MODULES],
    bundle: true,
    write: false,
    platform,
    format,
    conditions,
    // neutral has no main fields by default; the packages have `exports`, dependencies may not.
    ...(platform === 'neutral' && { mainFields: ['module', 'main'] }),
    target: 'es2022',
    minify: false,
    plugins: options.keepNodeImports ? [nodeBuiltinsExternal] : [],
    metafile: true,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no output');
  return { code: file.text, inputs: Object.keys(result.metafile.inputs).map((path) => resolve(MATRIX_DIR, path)) };
}

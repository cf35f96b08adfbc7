// Builds dist/: the worker bundle (runs in workerd), the Node launcher and CLI, and the launcher's
// type declarations (src/types.ts holds only types, so it is valid as a .d.ts as it is).
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';

const started = Date.now();
await rm('dist', { recursive: true, force: true });
await mkdir('dist');

await Promise.all([
  ...[
    ['src/worker/index.ts', 'dist/worker.js'],
    ['src/smarter/index.ts', 'dist/smarter.js'],
    ['src/db-worker/index.ts', 'dist/db-worker.js'],
    // Not a worker alone: src/functions.ts bundles it with the user's functions at start.
    ['src/functions-worker/runtime.ts', 'dist/functions-runtime.js'],
  ].map(([entry, outfile]) =>
    build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', external: ['cloudflare:*'], logLevel: 'warning' }),
  ),
  build({
    entryPoints: ['src/index.ts', 'src/cli.ts'],
    outdir: 'dist',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  }),
]);

await copyFile('src/types.ts', 'dist/types.d.ts');
await writeFile(
  'dist/index.d.ts',
  `import type { Emulator, EmulatorOptions } from './types.js';
export type { Emulator, EmulatorOptions } from './types.js';
/** The two Aerostack dev keys accepted by default, each its own project. */
export declare const DEV_KEYS: string[];
/** The two Smarter dev keys accepted by default, each its own account. */
export declare const SMARTER_DEV_KEYS: string[];
/** Starts the emulator: the Aerostack API at \`aerostackURL\` and the Smarter API at \`smarterURL\` (Miniflare: D1, Durable Objects, R2, Queues). */
export declare function startEmulator(options?: EmulatorOptions): Promise<Emulator>;
`,
);
console.log(`built dist/ in ${Date.now() - started} ms`);

// --functions <dir>: each module in the folder (`*.js`, `*.mjs`, `*.ts`) is the custom function of its
// file name (`send-invoice.ts` answers /v1/custom/send-invoice). They are bundled with esbuild (so a
// function may import its neighbours and packages, and be TypeScript) together with the runtime
// (src/functions-worker/runtime.ts, built as dist/functions-runtime.js) into one module, which runs
// as the worker `functions` of the emulator's Miniflare instance.
import { readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extname, resolve } from 'node:path';
import { access } from 'node:fs/promises';

const EXTENSIONS = new Set(['.js', '.mjs', '.ts']);

export interface FunctionsBundle {
  /** The slugs, in file-name order. */
  slugs: string[];
  /** The worker's ES module. */
  script: string;
}

async function runtimePath(): Promise<string> {
  for (const candidate of ['./functions-runtime.js', '../dist/functions-runtime.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (await access(path).then(() => true, () => false)) return path;
  }
  throw new Error('@aerostack/emulator: dist/functions-runtime.js is missing; run `pnpm build` in packages/emulator');
}

export async function bundleFunctions(dir: string): Promise<FunctionsBundle> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`functions: "${dir}" is not a directory (expected a folder of *.js, *.mjs or *.ts modules, one per function)`);
  const files = (await readdir(root)).filter((name) => EXTENSIONS.has(extname(name)) && !name.endsWith('.d.ts') && !name.startsWith('.')).sort();
  const slugs = files.map((name) => name.slice(0, -extname(name).length));
  const twice = slugs.find((slug, i) => slugs.indexOf(slug) !== i);
  if (twice) throw new Error(`functions: two modules in "${dir}" are the function "${twice}" (one file per slug)`);
  const entry = [
    `import { serve } from ${JSON.stringify(await runtimePath())};`,
    ...files.map((name, i) => `import * as f${i} from ${JSON.stringify(resolve(root, name))};`),
    `export default serve({ ${slugs.map((slug, i) => `${JSON.stringify(slug)}: f${i}`).join(', ')} });`,
  ].join('\n');
  // Loaded here, not at the top: only an emulator with functions pays for esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'functions-entry.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['cloudflare:*', 'node:*'],
    logLevel: 'silent',
  }).catch((error: unknown) => {
    throw new Error(`functions: could not bundle "${dir}": ${error instanceof Error ? error.message : String(error)}`);
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`functions: esbuild wrote nothing for "${dir}"`);
  return { slugs, script: output.text };
}

// One program bundled as the size table measures it: esbuild, minified ESM for the browser (or Node,
// where an entry says so), gzip -9.
// Shared by `pnpm size` and the bench's bundle comparison.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/**
 * `resolveDir`: where the program's imports resolve from; `external`: modules left out; `platform`:
 * esbuild's (`node` resolves the `node` export condition and leaves Node's built-ins out).
 */
export async function bundle(code, { resolveDir, external = [], platform = 'browser' }) {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    external,
  });
  const text = result.outputFiles[0].text;
  return { text, min: Buffer.byteLength(text), gz: gzipSync(text, { level: 9 }).length };
}

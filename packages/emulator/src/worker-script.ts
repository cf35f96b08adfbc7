// The bundled workers (dist/worker.js and dist/smarter.js, made by build.mjs). From dist/index.js
// they sit next door; when the launcher runs from source (tests), they are in ../dist.
import { access, readFile } from 'node:fs/promises';

export type WorkerBundle = 'worker.js' | 'smarter.js' | 'db-worker.js';

export async function loadWorkerScript(bundle: WorkerBundle): Promise<string> {
  for (const candidate of [`./${bundle}`, `../dist/${bundle}`]) {
    const url = new URL(candidate, import.meta.url);
    const found = await access(url).then(
      () => true,
      () => false,
    );
    if (found) return readFile(url, 'utf8');
  }
  throw new Error(`@aerostack/emulator: dist/${bundle} is missing; run \`pnpm build\` in packages/emulator`);
}

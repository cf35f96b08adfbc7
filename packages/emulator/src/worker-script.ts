// The bundled worker (dist/worker.js, made by build.mjs). From dist/index.js it sits next door;
// when the launcher runs from source (tests), it is in ../dist.
import { access, readFile } from 'node:fs/promises';

const CANDIDATES = ['./worker.js', '../dist/worker.js'];

export async function loadWorkerScript(): Promise<string> {
  for (const candidate of CANDIDATES) {
    const url = new URL(candidate, import.meta.url);
    const found = await access(url).then(
      () => true,
      () => false,
    );
    if (found) return readFile(url, 'utf8');
  }
  throw new Error('@aerostack/emulator: dist/worker.js is missing; run `pnpm build` in packages/emulator');
}

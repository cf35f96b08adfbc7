// The @smarter/chatbots README runs as written (issue 16, item 11): every ```ts block, in order, on
// a fresh emulator of each server generation, with only what the README asks for set
// (SMARTER_API_KEY, and the emulator's address; SMARTER_BASE_URL here, as its port is random).
// Each block is bundled with esbuild (the built packages, as a user's app gets them) and imported.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SMARTER_DEV_KEYS, startEmulator, type Emulator } from '../src/index';
import { GENERATIONS } from './helpers/smarter';

const here = fileURLToPath(new URL('.', import.meta.url));
const readme = readFileSync(join(here, '../../smarter/chatbots/README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
const dir = mkdtempSync(join(tmpdir(), 'smarter-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bundles a block into an ES module file and imports it (top-level await: it runs to its end). */
async function run(code: string, file: string): Promise<void> {
  const out = await build({ stdin: { contents: code, loader: 'ts', resolveDir: here, sourcefile: file }, bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent' });
  const path = join(dir, `${file}.mjs`);
  writeFileSync(path, out.outputFiles[0]?.text ?? '');
  await import(pathToFileURL(path).href);
}

describe.each(GENERATIONS)('the @smarter/chatbots README on a fresh %s emulator', (generation) => {
  let emulator: Emulator | undefined;
  afterAll(async () => {
    await emulator?.stop();
  });

  it(`runs all ${blocks.length} examples in order; the quick start's prompt is answered`, async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true, smarterGeneration: generation });
    vi.stubEnv('SMARTER_API_KEY', SMARTER_DEV_KEYS[0] ?? '');
    vi.stubEnv('SMARTER_BASE_URL', emulator.smarterURL);
    vi.stubEnv('SMARTER_LOG', 'off');
    const logged: unknown[][] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args));
    try {
      for (const [i, code] of blocks.entries()) {
        logged.push([`--- example ${i + 1}`]);
        await expect(run(code, `${generation}-example-${i + 1}`), `example ${i + 1} of the README:\n${code}`).resolves.toBeUndefined();
      }
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    // The quick start (example 1) printed the chatbot's answer to its prompt.
    expect(logged.slice(0, 2)).toEqual([['--- example 1'], ['You said: Hello, World!']]);
    // The error example met the NotFoundError it handles, not another error.
    expect(logged).toContainEqual(['no such chatbot']);
  });
});

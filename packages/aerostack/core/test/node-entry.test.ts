// Which transport an app gets, and whether it logs, through the BUILT package and its export
// conditions (run `pnpm --filter @aerostack/core build` first): Node resolves `node` and gets
// node:http and logging, from ESM and CJS alike, with one copy of every class; Bun and Deno get
// fetch and logging; a browser bundle (and workerd) gets the main entry: fetch, no logging, and no
// Node built-in.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Platform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/**
 * A program that loads the core with `load` (an expression), makes one call to a local server
 * with `options` at log level debug, and prints how many times the global fetch was called and
 * how many lines were logged (two where logging is on: the request and the response).
 */
const probe = (load: string, options = '{}') => `
(async () => {
  const http = await import('node:http');
  let fetchCalls = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (...args) => (fetchCalls++, realFetch(...args));
  const server = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end('{"ok":true}'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const core = ${load};
  let logged = 0;
  const count = () => logged++;
  const logger = { error: count, warn: count, info: count, debug: count };
  const client = new core.AerostackClient({ apiKey: 'k', baseURL: 'http://127.0.0.1:' + server.address().port, logger, logLevel: 'debug', ...${options} });
  const answer = await core.get(client, '/x');
  console.log(JSON.stringify({ answer, fetchCalls, logged }));
  server.close();
})();`;

async function runProbe(args: string[]): Promise<{ answer: unknown; fetchCalls: number; logged: number }> {
  const { stdout } = await run(process.execPath, args, { cwd: packageDir });
  return JSON.parse(stdout) as { answer: unknown; fetchCalls: number; logged: number };
}

const esm = (options?: string) => runProbe(['--input-type=module', '-e', probe("await import('@aerostack/core')", options)]);
const cjs = (options?: string) => runProbe(['-e', probe("require('@aerostack/core')", options)]);

beforeAll(() => {
  if (!existsSync(join(packageDir, 'dist/node.js'))) throw new Error('Build the package first: pnpm --filter @aerostack/core build');
});

describe('on Node, through the package name', () => {
  it.each([
    ['ESM', esm],
    ['CJS', cjs],
  ])('%s: the node transport is the default; `transport` and `fetch` choose; logging is on', async (_format, probeWith) => {
    expect(await probeWith()).toEqual({ answer: { ok: true }, fetchCalls: 0, logged: 2 });
    expect(await probeWith("{ transport: 'fetch' }")).toEqual({ answer: { ok: true }, fetchCalls: 1, logged: 2 });
    // A fetch of your own always wins.
    expect(await probeWith("{ transport: 'node', fetch: (...a) => globalThis.fetch(...a) }")).toEqual({ answer: { ok: true }, fetchCalls: 1, logged: 2 });
  });

  it('has one copy of every class: the node, server and main entries share their modules, in ESM and in CJS', async () => {
    const same = (load: (file: string) => string) =>
      `const viaCondition = ${load('@aerostack/core')}; const main = ${load('./dist/index')}; const server = ${load('./dist/server')};
       console.log(JSON.stringify(['Client', 'AerostackClient', 'SDKError', 'Stream', 'Page'].every((name) => viaCondition[name] === main[name] && server[name] === main[name])));`;
    const { stdout: esmSame } = await run(process.execPath, ['--input-type=module', '-e', same((f) => `await import('${f === '@aerostack/core' ? f : f + '.js'}')`)], { cwd: packageDir });
    const { stdout: cjsSame } = await run(process.execPath, ['-e', same((f) => `require('${f === '@aerostack/core' ? f : f + '.cjs'}')`)], { cwd: packageDir });
    expect([esmSame.trim(), cjsSame.trim()]).toEqual(['true', 'true']);
  });
});

describe('printing a client through the package name', () => {
  const print = `const c = new core.AerostackClient({ apiKey: 'ac_secret_PRINTME0123456789' });
    console.log(JSON.stringify([util.inspect(c), JSON.stringify(c)]));`;
  it.each([
    ['ESM', ['--input-type=module', '-e', `const core = await import('@aerostack/core'); const util = await import('node:util'); ${print}`]],
    ['CJS', ['-e', `const core = require('@aerostack/core'); const util = require('node:util'); ${print}`]],
  ])('%s: util.inspect and JSON.stringify show no key', async (_format, args) => {
    const { stdout } = await run(process.execPath, args, { cwd: packageDir });
    const [inspected, json] = JSON.parse(stdout) as [string, string];
    expect(inspected).toMatch(/^AerostackClient \{/);
    expect(inspected + json).not.toContain('PRINTME');
    expect(JSON.parse(json)).toEqual({ baseURL: 'https://api.aerostack.dev/v1', options: { apiKey: '***' } });
  });
});

describe('bundled', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aerostack-core-bundle-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Bundles the core as a bundler would for `platform` (and extra `conditions`), and runs the probe on the bundle. */
  async function bundled(name: string, platform: Platform, conditions: string[] = []) {
    const result = await build({
      stdin: { contents: "export * from '@aerostack/core';", resolveDir: packageDir, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform,
      conditions,
      external: ['node:*'],
      write: false,
      logLevel: 'silent',
    });
    const text = result.outputFiles[0]!.text;
    const file = join(dir, `${name}.mjs`);
    await writeFile(file, text);
    return { text, ...(await runProbe(['--input-type=module', '-e', probe(`await import(${JSON.stringify(pathToFileURL(file).href)})`)])) };
  }

  it('for a browser: the main entry, fetch, no logging, and no Node built-in', async () => {
    const { text, fetchCalls, logged } = await bundled('browser', 'browser');
    expect(text).not.toContain('node:');
    expect([fetchCalls, logged]).toEqual([1, 0]);
  });

  it('for workerd (wrangler): the main entry, as for a browser', async () => {
    const { text, fetchCalls, logged } = await bundled('workerd', 'neutral', ['workerd', 'worker', 'browser']);
    expect(text).not.toContain('node:');
    expect([fetchCalls, logged]).toEqual([1, 0]);
  });

  it.each([
    ['Deno', ['deno', 'node']],
    ['Bun', ['bun', 'node']],
  ])('for %s: the server entry (fetch, logging on), even where `node` matches too', async (_runtime, conditions) => {
    const { text, fetchCalls, logged } = await bundled(conditions[0]!, 'neutral', conditions);
    expect(text).not.toContain('node:');
    expect([fetchCalls, logged]).toEqual([1, 2]);
  });

  // `require` under Deno or Bun resolves the same way as `import`: the server build, not the Node one.
  it.each([['Deno', 'deno'], ['Bun', 'bun']])('for %s through require: the server build (CJS)', async (_runtime, runtime) => {
    const result = await build({
      stdin: { contents: "module.exports = require('@aerostack/core');", resolveDir: packageDir, loader: 'js' },
      bundle: true,
      format: 'cjs',
      platform: 'neutral',
      conditions: [runtime, 'node'],
      external: ['node:*'],
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const entries = Object.keys(result.metafile.inputs).filter((input) => /dist\/(?:index|node|server)\.c?js$/.test(input));
    expect(entries.map((input) => input.split('/').pop())).toEqual(['server.cjs']);
  });

  it('for Node: the node entry, its transport and logging installed (side effects that survive tree-shaking)', async () => {
    const { text, fetchCalls, logged } = await bundled('node', 'node');
    expect(text).toContain('node:http');
    expect([fetchCalls, logged]).toEqual([0, 2]);
  });
});

// The runtimes that run a file, each in a child process against this file's emulator: Node 20 (the
// Node running the tests), Node 22, Bun and Deno run the smoke program from the built packages;
// the node-script example runs on Node 20 and Node 22.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bunBinary, chromiumBinary, denoBinary, EXAMPLES_DIR, MATRIX_DIR, node22Binary } from '../lib/paths.mjs';
import { childEnv, FILE_RUNTIMES, runChild, smokeInProcess } from '../lib/processes.mjs';
import { recordCell } from '../lib/report.mjs';
import { expectCell, REALTIME_STEPS, realtimeTarget, SMOKE_STEPS, useEmulator } from './helpers';

const emu = useEmulator();

const VERSIONS = { node20: /^node v20\./, node22: /^node v22\./, bun: /^bun 1\./, deno: /^deno 2\./ } as const;

describe('the smoke program', () => {
  it.each(Object.keys(VERSIONS) as (keyof typeof VERSIONS)[])('on %s', async (runtime) => {
    const cell = await smokeInProcess(runtime, emu.target);
    expectCell(cell, cell.output);
    expect(cell.version, cell.output).toMatch(VERSIONS[runtime]);
    expect(cell.report.runtime).toBe(runtime);
  });
});

describe('the realtime smoke program', () => {
  // Node 20 has no global WebSocket: the program checks connect's typed error without the option,
  // then runs with the `ws` package's class as the option. The others use their global one.
  const WEBSOCKETS = { node20: /^no global WebSocket: InvalidRequestError WEBSOCKET_UNAVAILABLE without the option; with it: ws 8/, node22: /^the global WebSocket$/, bun: /^the global WebSocket$/, deno: /^the global WebSocket$/ } as const;
  it.each(Object.keys(VERSIONS) as (keyof typeof VERSIONS)[])('on %s', async (runtime) => {
    const target = await realtimeTarget(emu, `rt_${runtime}`, runtime === 'node20' ? { webSocket: 'ws' } : {});
    const cell = await smokeInProcess(runtime, target, 'realtime-cli.mjs');
    expectCell({ ...cell, runtime: `${runtime} realtime` }, cell.output, REALTIME_STEPS);
    expect(cell.version, cell.output).toMatch(VERSIONS[runtime]);
    expect(cell.report.steps[0]?.detail, cell.output).toMatch(WEBSOCKETS[runtime]);
    expect(cell.report.runtime).toBe(runtime);
  });
});

describe('the node-script example', () => {
  const script = join(EXAMPLES_DIR, 'node-script', 'index.mjs');
  // The example imports the SDK by name but has no node_modules: lib/register.mjs resolves what it
  // cannot from this package's links (the built packages), and the example runs from its own path.
  const register = join(MATRIX_DIR, 'lib', 'register.mjs');

  it('runs on Node 20, then on Node 22 (which sees the first run in the cache)', async () => {
    const env = childEnv({ AEROSTACK_BASE_URL: emu.target.aerostackURL, AEROSTACK_API_KEY: emu.target.aerostackKey });
    for (const [n, runtime] of (['node20', 'node22'] as const).entries()) {
      const { command } = await FILE_RUNTIMES[runtime]();
      const run = await runChild(command, ['--import', register, script, `Hello from ${runtime}`], { env });
      const output = `${run.stdout}${run.stderr}`;
      const version = (await runChild(command, ['--version'])).stdout.trim();
      const ok = run.code === 0 && run.stdout.includes(`answer: You said: Hello from ${runtime}\n`);
      recordCell({ runtime: `example node-script (${runtime})`, version: `node ${version}`, ok, ms: run.ms, report: { ok, runtime, steps: [] } });
      expect(run.code, output).toBe(0);
      expect(run.stderr, output).toBe('');
      expect(run.stdout).toContain(`run #${n + 1}\n`);
      expect(run.stdout).toContain(`answer: You said: Hello from ${runtime}\n`);
      if (n === 1) expect(run.stdout).toContain('previous answer: You said: Hello from node20\n');
    }
  });

  it('reports a wrong key as an AuthenticationError and exits 1', async () => {
    const env = childEnv({ AEROSTACK_BASE_URL: emu.target.aerostackURL, AEROSTACK_API_KEY: 'ac_secret_wrong' });
    const run = await runChild(process.execPath, ['--import', register, script], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^AuthenticationError: .*\(HTTP 401, AUTH_INVALID_KEY\)\n$/);
  });
});

it('SMOKE_STEPS names every step of smoke.mjs', async () => {
  const { readFile } = await import('node:fs/promises');
  const source = await readFile(join(MATRIX_DIR, 'smoke.mjs'), 'utf8');
  expect([...source.matchAll(/await step\('([^']+)'/g)].map((m) => m[1])).toEqual(SMOKE_STEPS);
});

describe('a missing runtime', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is an error that says what to install (never a skip)', async () => {
    for (const name of ['NODE22', 'BUN', 'DENO', 'CHROMIUM']) vi.stubEnv(`RUNTIME_MATRIX_${name}`, '/nonexistent/runtime');
    await expect(node22Binary()).rejects.toThrow(/^Node 22 is missing \(not found at \/nonexistent\/runtime\)\. It comes with @aerostack-internal\/node22 .*pnpm install/);
    expect(() => bunBinary()).toThrow(/^Bun is missing .*@oven\/bun-linux-x64.*RUNTIME_MATRIX_BUN/);
    expect(() => denoBinary()).toThrow(/^Deno is missing .*@deno\/linux-x64-glibc/);
    expect(() => chromiumBinary()).toThrow(/^Chromium is missing .*apt-get install -y chromium/);
  });
});

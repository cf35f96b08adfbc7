// The bench checks its outside tools before the first measurement, and writes each benchmark's
// results as soon as it is done. These run in seconds: no benchmark is measured at full size.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript, no types
import { checkTools, findProgram } from '../lib/tools.mjs';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A PATH with node on it and nothing else: no hyperfine, wherever this machine has one. */
const bin = join(scratch, 'bin');
mkdirSync(bin, { recursive: true });
const nodeOnly = { ...process.env, PATH: `${dirname(process.execPath)}`, BENCH_HYPERFINE: '' };
const withoutHyperfine = findProgram('hyperfine', nodeOnly) === undefined ? nodeOnly : { ...nodeOnly, PATH: bin };

describe('the tool check', () => {
  it('finds a program on PATH or at BENCH_<NAME>, and says undefined when it is not there', () => {
    const fake = join(bin, 'hyperfine');
    writeFileSync(fake, '#!/bin/sh\nexit 0\n');
    chmodSync(fake, 0o755);
    expect(findProgram('hyperfine', { PATH: bin })).toBe(fake);
    expect(findProgram('hyperfine', { PATH: join(scratch, 'nowhere') })).toBeUndefined();
    expect(findProgram('hyperfine', { PATH: bin, BENCH_HYPERFINE: join(scratch, 'missing/hyperfine') })).toBeUndefined();
    rmSync(fake);
  });

  it('names a missing hyperfine, the benchmark it stops, and how to install it; the others are unaffected', () => {
    const { missing, skip } = checkTools(['sse', 'cold', 'requests'], withoutHyperfine);
    expect(missing.map((m: { name: string; benchmarks: string[] }) => [m.name, m.benchmarks])).toEqual([['hyperfine', ['cold']]]);
    expect([...skip.keys()]).toEqual(['cold']);
    expect(skip.get('cold')).toMatch(/`hyperfine`.*apt-get install -y hyperfine/);
  });

  it('bench.mjs --check exits 1 naming what is missing, before measuring anything', () => {
    const run = spawnSync(process.execPath, ['bench.mjs', '--check', 'cold'], { cwd: BENCH, env: withoutHyperfine, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing: the program `hyperfine`.*needed by cold\. Get it: apt-get install -y hyperfine/);
    expect(run.stderr).not.toMatch(/\[bench\] cold…/);
    const fine = spawnSync(process.execPath, ['bench.mjs', '--check', 'sse'], { cwd: BENCH, env: withoutHyperfine, encoding: 'utf8' });
    expect([fine.status, fine.stderr.trim()]).toEqual([0, '[bench] every tool is there for: sse']);
  });
});

describe('results as each benchmark finishes', () => {
  it('a run without hyperfine skips the cold start with the reason, and the file holds each benchmark as soon as it is done', async () => {
    const file = join(scratch, 'RESULTS.md');
    const history = join(scratch, 'history');
    mkdirSync(history, { recursive: true });
    // In the runner's order: bundles (seconds), cold (skipped: no hyperfine), then memory, stopped midway.
    const child = spawn(process.execPath, ['bench.mjs', 'bundles', 'cold', 'memory'], {
      cwd: BENCH,
      env: { ...withoutHyperfine, BENCH_QUICK: '1', BENCH_RESULTS: file, BENCH_RESULTS_HISTORY: history },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
        if (stderr.includes('[bench] cold done')) resolve();
      });
      void exited.then(() => resolve());
    });
    // Stop it by its pid (SIGINT: the runner ends its own children by theirs) before memory finishes.
    child.kill('SIGINT');
    await exited;
    expect(stderr).toMatch(/missing: the program `hyperfine`/);
    // Every version the runner wrote, in order: the first after bundles, the second after cold.
    const versions = readdirSync(history).sort().map((name) => readFileSync(join(history, name), 'utf8'));
    expect(versions.length).toBeGreaterThanOrEqual(2);
    const [afterBundles, afterCold] = versions as [string, string];
    expect(afterBundles).toMatch(/## 5\. Bundle size of one call/);
    expect(afterBundles).toMatch(/\*\*Partial:\*\*.*not yet run cold, memory/);
    expect(afterCold).toMatch(/## 3\. Cold start\n\nNot run: the program `hyperfine` \(times the cold starts\) is missing; get it with: apt-get install -y hyperfine/);
    expect(afterCold).toMatch(/## 5\. Bundle size of one call/);
    expect(afterCold).toMatch(/not yet run memory/);
    // What the stopped run left is the last complete write, never a half-written file.
    expect(readFileSync(file, 'utf8')).toBe(versions.at(-1));
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });
});

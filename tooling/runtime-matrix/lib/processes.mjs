// @ts-check
// The runtimes that run a file: Node 20 (the Node running the tests), Node 22, Bun and Deno. Each
// runs entries/cli.mjs in a child process, which imports the smoke program, which imports the
// packages by name: each runtime resolves them itself, through this package's node_modules (the
// workspace links) to the packages' dist/.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bunBinary, denoBinary, MATRIX_DIR, node22Binary } from './paths.mjs';

/**
 * @typedef {import('./types').Target} Target
 * @typedef {import('./types').Report} Report
 * @typedef {import('./types').Cell} Cell
 * @typedef {{ code: number | null, signal: string | null, stdout: string, stderr: string, ms: number }} ChildResult
 */

/** The environment of a child: ours, without the SDKs' variables (the target is given explicitly) or NODE_OPTIONS. */
export function childEnv(/** @type {Record<string, string>} */ extra = {}) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(AEROSTACK|SMARTER)_/.test(name) && name !== 'NODE_OPTIONS') env[name] = value;
  }
  return { ...env, ...extra };
}

/**
 * Runs a command to its end (or kills it after `timeoutMs`: a hang guard sized for a loaded machine,
 * load 8 on 2 cores, below the tests' own 300 s).
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: Record<string, string>, timeoutMs?: number, cwd?: string }} [options]
 * @returns {Promise<ChildResult>}
 */
export function runChild(command, args, { env = childEnv(), timeoutMs = 240_000, cwd = MATRIX_DIR } = {}) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (/** @type {string} */ chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (/** @type {string} */ chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[runtime-matrix] killed after ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}

/**
 * How each runtime runs a file: the binary and the arguments before the file.
 * @type {Record<'node20' | 'node22' | 'bun' | 'deno', () => Promise<{ command: string, args: string[], env?: Record<string, string> }>>}
 */
export const FILE_RUNTIMES = {
  node20: () => Promise.resolve({ command: process.execPath, args: [] }),
  node22: async () => ({ command: await node22Binary(), args: [] }),
  // Bun resolves bare specifiers from node_modules as Node does (and never auto-installs when a
  // node_modules folder exists).
  bun: () => Promise.resolve({ command: bunBinary(), args: [] }),
  // Deno: `--node-modules-dir=manual` resolves bare specifiers from the node_modules folder that
  // pnpm made (the workspace links included), as Node does; `none` would have Deno resolve npm
  // packages itself, which fails on `workspace:` dependencies. `--no-lock`: no deno.lock written.
  // Permissions: the network to the emulator on loopback, nothing else. (The SDK reads
  // AEROSTACK_BASE_URL & co. from `process.env`; without --allow-env those reads throw on Deno and
  // the core treats them as unset.)
  deno: () =>
    Promise.resolve({
      command: denoBinary(),
      args: ['run', '--node-modules-dir=manual', '--no-lock', '--allow-net=127.0.0.1,localhost'],
      env: { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
    }),
};

/** The last line of a child's stdout that parses as JSON, else undefined. */
export function lastJsonLine(/** @type {string} */ stdout) {
  for (const line of stdout.trim().split('\n').reverse()) {
    try {
      return /** @type {unknown} */ (JSON.parse(line));
    } catch {
      // not this one
    }
  }
  return undefined;
}

/**
 * Runs the smoke program (or, with `entry` `realtime-cli.mjs`, the realtime one) on a file runtime.
 * @param {keyof typeof FILE_RUNTIMES} runtime
 * @param {Target} target
 * @param {'cli.mjs' | 'realtime-cli.mjs'} [entry]
 * @returns {Promise<Cell & { output: string }>}
 */
export async function smokeInProcess(runtime, target, entry = 'cli.mjs') {
  const { command, args, env } = await FILE_RUNTIMES[runtime]();
  const result = await runChild(command, [...args, join(MATRIX_DIR, 'entries', entry), JSON.stringify({ ...target, runtime })], { env: childEnv(env) });
  const output = `exit ${result.code ?? result.signal}\n${result.stdout}${result.stderr}`;
  const parsed = /** @type {{ version: string, report: Report } | undefined} */ (lastJsonLine(result.stdout));
  if (!parsed?.report) throw new Error(`${runtime}: no report from the smoke program.\n${output}`);
  return { runtime, version: parsed.version, ok: result.code === 0 && parsed.report.ok, ms: result.ms, report: parsed.report, output };
}

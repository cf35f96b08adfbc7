// Process plumbing shared by the benchmarks: fresh child processes that print one JSON line,
// the mock server as a process of its own, rotation of the clients within a round, medians.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LIB_DIR = join(BENCH_DIR, 'lib');

/** Processes this runner started and must end (by pid) if it stops early. */
const started = new Set();

export function killStarted() {
  for (const child of started) {
    try {
      child.kill('SIGTERM');
    } catch {
      // already gone
    }
  }
  started.clear();
}

/**
 * Runs `node <args>` in tooling/bench and resolves to the JSON object of the last line it
 * prints that starts with `{`. A child that fails, prints nothing or overruns `timeoutMs` (it is
 * then killed by its pid) rejects with its stderr.
 */
export async function runNode(args, options = {}) {
  try {
    return await runNodeOnce(args, options);
  } catch (error) {
    // One retry, after a pause: other engineers rebuild packages' dist/ folders while this runs,
    // and a child that starts mid-build cannot find a module. The retry is counted and reported.
    if (options.retries === 0) throw error;
    retried.push(`${args.slice(-1)[0].slice(0, 160)}: ${String(error.message).split('\n').slice(-1)[0].slice(0, 300)}`);
    log(`[bench] child failed, retrying once in 5 s: ${error.message.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 5000));
    return runNodeOnce(args, options);
  }
}

/** Children that failed once and were run again (RESULTS.md lists them). */
export const retried = [];

function runNodeOnce(args, { timeoutMs = 180_000, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: BENCH_DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    started.add(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => {
      err += `\n[bench] killed after ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    // A child that cannot be started emits 'error' (not only 'close'): a rejection, never an uncaught throw.
    child.on('error', (error) => {
      clearTimeout(timer);
      started.delete(child);
      reject(new Error(`node ${args.join(' ')} could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      started.delete(child);
      const line = out.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return reject(new Error(`node ${args.join(' ')} exited ${code ?? signal}: ${err.trim().slice(-2000)}`));
      try {
        resolve(JSON.parse(line));
      } catch (e) {
        reject(new Error(`node ${args.join(' ')}: bad output ${line.slice(0, 200)}: ${e.message}`));
      }
    });
  });
}

/**
 * Starts a long-lived helper (`node <script>`) that prints one JSON line when ready (for example
 * `{"port": 1234}`). Resolves to `{ info, stop }`; `stop()` sends SIGTERM to that pid and waits.
 */
export function startHelper(script, args = [], { readyTimeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: BENCH_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    started.add(child);
    let out = '';
    let err = '';
    let ready = false;
    const stop = () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 10_000).unref();
      }).finally(() => started.delete(child));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} not ready after ${readyTimeoutMs} ms: ${err}`));
    }, readyTimeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (!ready && nl >= 0) {
        ready = true;
        clearTimeout(timer);
        try {
          resolve({ info: JSON.parse(out.slice(0, nl)), stop, pid: child.pid });
        } catch (e) {
          reject(e);
        }
      }
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (error) => {
      clearTimeout(timer);
      started.delete(child);
      reject(new Error(`${script} could not start: ${error.message}`));
    });
    child.on('exit', (code) => {
      started.delete(child);
      if (!ready) {
        clearTimeout(timer);
        reject(new Error(`${script} exited ${code} before it was ready: ${err}`));
      }
    });
  });
}

/** The mock server of lib/server.mjs, as its own process. */
export async function startMockServer() {
  const { info, stop, pid } = await startHelper(join(LIB_DIR, 'server.mjs'));
  const origin = `http://127.0.0.1:${info.port}`;
  return {
    origin,
    baseURL: `${origin}/v1`,
    pid,
    stop,
    /** Connections the server has accepted so far (keep-alive check). */
    async connections() {
      const r = await fetch(`${origin}/__stats`);
      return (await r.json()).connections;
    },
  };
}

/** The list rotated by `k` places: round k starts with another client. */
export function rotate(list, k) {
  const n = list.length;
  const s = ((k % n) + n) % n;
  return [...list.slice(s), ...list.slice(0, s)];
}

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export function minmax(values) {
  const v = values.filter((x) => Number.isFinite(x));
  return [Math.min(...v), Math.max(...v)];
}

/** Reads the JSON argument a child was given (argv[2]). */
export function childArgs() {
  return JSON.parse(process.argv[2]);
}

/** Prints a child's result as its last line. */
export function report(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

/** `gc()` when the child was started with --expose-gc. */
export function collect() {
  globalThis.gc?.();
}

export function log(...parts) {
  process.stderr.write(parts.join(' ') + '\n');
}

// Child processes as a user's shell would start them. Unlike the release rehearsal's helper, a
// failing command resolves (with its exit code): a type error is the result a cell reports.
import { execFile } from 'node:child_process';

export interface RunResult {
  code: number;
  /** stdout and stderr, in that order. */
  output: string;
  ms: number;
}

// What `pnpm test` puts in the environment would steer the npm and pnpm children (the user agent,
// the script being run), and its node_modules/.bin folders on PATH: a user has none of it.
const INHERITED_BY_SCRIPTS = /^(npm_(command|execpath|node_execpath|config_user_agent|lifecycle_|package_)|pnpm_|PNPM_)/;

function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_BY_SCRIPTS.test(name)));
  env['PATH'] = (env['PATH'] ?? '').split(':').filter((dir) => !dir.includes('/node_modules/.bin')).join(':');
  return { ...env, ...extra };
}

/** Runs `command` in `cwd`. `timeoutMs` (240 s by default) is a hang guard for a loaded machine. */
export function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: userEnv(options.env ?? {}), timeout: options.timeoutMs ?? 240_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        const output = `${stdout}${stderr}${error && code === 1 && !stdout && !stderr ? error.message : ''}`;
        resolve({ code, output, ms: Date.now() - started });
      },
    );
  });
}

/** Runs `command` and throws with its output unless it exits 0. */
export async function runOrThrow(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.code}:\n${result.output}`);
  return result;
}

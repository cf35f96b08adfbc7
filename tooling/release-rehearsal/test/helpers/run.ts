// Child processes as a user's shell would start them, with the output kept for failure messages.
import { execFile } from 'node:child_process';

export interface RunResult {
  stdout: string;
  stderr: string;
  ms: number;
}

// What `pnpm test` and git hooks put in the environment would steer the npm, pnpm and git
// children (the user agent, the script being run, another repository): a user has none of it.
const INHERITED_BY_SCRIPTS = /^(npm_(command|execpath|node_execpath|config_user_agent|lifecycle_|package_)|pnpm_|PNPM_|GIT_(DIR|WORK_TREE|INDEX_FILE)$)/;

export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_BY_SCRIPTS.test(name)));
  // Nor the workspace's node_modules/.bin folders that `pnpm test` puts first on PATH.
  env['PATH'] = (env['PATH'] ?? '').split(':').filter((dir) => !dir.includes('/node_modules/.bin')).join(':');
  return { ...env, ...extra };
}

/**
 * Runs `command` (asynchronously: the emulator answers from this process meanwhile); rejects with its
 * output on a non-zero exit. `timeoutMs` (240 s by default) is a hang guard sized for a loaded machine.
 */
export function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: userEnv(options.env), timeout: options.timeoutMs ?? 240_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) failed: ${error.message}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
        else resolve({ stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

/** Runs a script with this very Node (not whichever `node` comes first on PATH). */
export function runNode(cwd: string, args: string[], env?: Record<string, string>): Promise<RunResult> {
  return run(process.execPath, args, { cwd, ...(env && { env }) });
}

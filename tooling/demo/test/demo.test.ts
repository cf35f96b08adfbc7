// `pnpm demo` as a new user runs it: a child process against its own emulator. It must exit 0 and
// end with a summary table in which every step passed (none skipped: the emulator offers them all).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('the demo tours every package against the emulator and exits 0', () => {
  const demo = fileURLToPath(new URL('../demo.mjs', import.meta.url));
  // No credentials in the environment: the demo must start its own emulator.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AEROSTACK|SMARTER)_/.test(name)));
  // A hang guard for a loaded machine, not a measure of speed (see tooling/config/vitest.js).
  const run = spawnSync(process.execPath, [demo], { env, encoding: 'utf8', timeout: 300_000 });
  const output = `${run.stdout}${run.stderr}`;
  expect(run.status, output).toBe(0);
  const summary = /(\d+) passed, (\d+) failed, (\d+) skipped, of (\d+) steps/.exec(output);
  expect(summary?.slice(1).map(Number), output).toEqual([26, 0, 0, 26]);
  for (const pkg of ['database', 'cache', 'storage', 'queue', 'ai', 'auth', 'services', 'gateway', 'realtime', 'sdk', 'core']) expect(output).toContain(`| @aerostack/${pkg}`);
  for (const pkg of ['resources', 'chatbots', 'chat', 'files', 'fine-tuning']) expect(output).toContain(`| @smarter/${pkg}`);
}, 330_000);

// The outside tools the benchmarks need, checked before the first measurement. A missing one is
// said at the start, with how to get it, and only the benchmarks that need it are skipped (their
// sections in RESULTS.md say why), instead of a crash minutes into the run. `bench.mjs --check`
// runs this check alone (exit 1 when something is missing), for CI or before a long run.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HYPERFINE = {
  kind: 'program',
  name: 'hyperfine',
  why: 'times the cold starts',
  get: 'apt-get install -y hyperfine (Debian/Ubuntu; run apt-get update first), brew install hyperfine, or cargo install hyperfine; or set BENCH_HYPERFINE to its path',
};
const pkg = (name) => ({ kind: 'package', name, get: 'pnpm install (a dependency of tooling/bench)' });
const built = (name) => ({ kind: 'build', name, get: 'pnpm build (the benchmarks load the built dist/)' });

const OURS = ['@aerostack/core', '@aerostack/gateway'].map(built);

/** What each benchmark loads or runs besides Node itself. */
export const NEEDS = {
  bundles: [pkg('esbuild'), pkg('openai'), pkg('@mistralai/mistralai'), pkg('@aws-sdk/client-dynamodb'), ...OURS, built('@aerostack/cache')],
  sse: [pkg('eventsource-parser'), pkg('openai'), built('@aerostack/core')],
  requests: [pkg('openai'), pkg('ky'), pkg('ofetch'), ...OURS],
  streaming: [pkg('openai'), pkg('eventsource-parser'), ...OURS],
  cold: [HYPERFINE, pkg('openai'), pkg('ky'), pkg('ofetch'), ...OURS, built('@aerostack/cache')],
  memory: [built('@aerostack/core'), built('@aerostack/storage')],
  emulator: [built('@aerostack/emulator'), pkg('openai'), ...OURS, built('@aerostack/storage')],
  realtime: [pkg('ws'), built('@aerostack/core'), built('@aerostack/realtime'), built('@aerostack/emulator')],
};

/** The path of an executable `name`: BENCH_<NAME> if set (it must exist), else the first on PATH. */
export function findProgram(name, env = process.env) {
  const override = env[`BENCH_${name.toUpperCase()}`];
  const candidates = override ? [override] : (env.PATH ?? '').split(delimiter).filter((d) => isAbsolute(d)).map((d) => join(d, name));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Whether a package resolves from tooling/bench to a file that exists (a built package: its dist/). */
function resolves(name) {
  try {
    const url = import.meta.resolve(name);
    return !url.startsWith('file:') || existsSync(fileURLToPath(url));
  } catch {
    return false;
  }
}

function present(need, env) {
  return need.kind === 'program' ? findProgram(need.name, env) !== undefined : resolves(need.name);
}

/**
 * Checks what the selected benchmarks need. Resolves to `{ missing, skip }`: `missing` lists each
 * absent tool once, with the benchmarks that need it and how to get it; `skip` maps each benchmark
 * that cannot run to the reason, in words for RESULTS.md.
 */
export function checkTools(selected, env = process.env) {
  const missing = new Map();
  for (const bench of selected) {
    for (const need of NEEDS[bench] ?? []) {
      if (present(need, env)) continue;
      const entry = missing.get(need.name) ?? { ...need, benchmarks: [] };
      entry.benchmarks.push(bench);
      missing.set(need.name, entry);
    }
  }
  const skip = new Map();
  for (const m of missing.values()) {
    for (const bench of m.benchmarks) {
      const reason = `${describe(m)} is missing; get it with: ${m.get}`;
      skip.set(bench, skip.has(bench) ? `${skip.get(bench)}; ${reason}` : reason);
    }
  }
  return { missing: [...missing.values()], skip };
}

function describe(m) {
  return m.kind === 'program' ? `the program \`${m.name}\` (${m.why})` : m.kind === 'build' ? `the built package \`${m.name}\`` : `the package \`${m.name}\``;
}

/** The report of a check, one line per missing tool (empty when nothing is). */
export function reportMissing(missing) {
  return missing.map((m) => `missing: ${describe(m)}, needed by ${m.benchmarks.join(', ')}. Get it: ${m.get}`);
}

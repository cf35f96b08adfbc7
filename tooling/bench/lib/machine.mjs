// The machine and the code a run measured: CPU, cores, OS, Node, load, and the git state of the
// packages (other engineers rebuild them while a run goes on; RESULTS.md says what was measured).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR } from './proc.mjs';

function osName() {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os.type();
  } catch {
    return os.type();
  }
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: BENCH_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return '';
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${osName()}, Linux ${os.release()}`,
    node: process.version,
    undici: process.versions.undici,
    v8: process.versions.v8,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

/** The commit, the packages' uncommitted src changes, and when the @aerostack packages' dist/ folders were built (earliest – latest). */
export function codeState() {
  const dirty = git(['status', '--porcelain', '--', '../../packages'])
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3))
    .filter((p) => p.includes('/src/'));
  const packages = {};
  for (const scope of ['@aerostack', '@smarter']) {
    let dirs = [];
    try {
      dirs = readdirSync(join(BENCH_DIR, 'node_modules', scope));
    } catch {
      continue;
    }
    for (const dir of dirs) {
      try {
        packages[`${scope}/${dir}`] = statSync(join(BENCH_DIR, 'node_modules', scope, dir, 'dist')).mtime.toISOString();
      } catch {
        // not built
      }
    }
  }
  const built = Object.values(packages).sort();
  return { commit: git(['rev-parse', '--short', 'HEAD']).trim(), dirtySrc: dirty, packages, coreBuilt: built.length ? `${built[0]} – ${built.at(-1)}` : 'missing' };
}

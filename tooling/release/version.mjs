// `pnpm version-packages`: `changeset version`, keeping the ranges the packages declare on the cores.
//
// A service declares the cores it works with as an explicit range with a ceiling
// (`"@aerostack/core": "workspace:>=0.0.0 <1.0.0"`, see the root README, Compatibility). For a
// package it releases, `changeset version` rewrites such a range to `<its operator><new version>`
// (`workspace:>=0.1.0`): the floor raised for nothing and the ceiling gone. This puts back every
// explicit range that still admits the version released alongside, and stops, naming the package,
// when one does not (a core major: each dependent's range is then decided by hand).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'];

/** The package folders the workspace globs name (`dir/*` or a plain folder). */
function packageDirs(root) {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [...(/^packages:\n((?:[ \t]+-.*\n?)+)/m.exec(yaml)?.[1] ?? '').matchAll(/-\s*['"]?([^'"\n]+?)['"]?\s*$/gm)].map((m) => m[1]);
  return globs
    .flatMap((glob) => (glob.endsWith('/*') ? (existsSync(join(root, glob.slice(0, -2))) ? readdirSync(join(root, glob.slice(0, -2))).map((name) => `${glob.slice(0, -2)}/${name}`) : []) : [glob]))
    .filter((dir) => existsSync(join(root, dir, 'package.json')));
}

/** `workspace:>=a.b.c <d.e.f`: the only explicit form the packages use; anything else is left to changesets. */
function explicitRange(spec) {
  const match = /^workspace:>=(\d+\.\d+\.\d+) <(\d+\.\d+\.\d+)$/.exec(spec);
  return match ? { floor: match[1], ceiling: match[2] } : undefined;
}

const parts = (version) => version.split('.').map(Number);
const below = (a, b) => {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

export function versionPackages(root, changesetBin) {
  const dirs = packageDirs(root);
  const read = (dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const kept = dirs.flatMap((dir) => {
    const manifest = read(dir);
    return FIELDS.flatMap((field) => Object.entries(manifest[field] ?? {}).filter(([, spec]) => explicitRange(spec)).map(([dep, spec]) => ({ dir, field, dep, spec })));
  });
  execFileSync(process.execPath, [changesetBin, 'version'], { cwd: root, stdio: 'inherit' });
  const versions = new Map(dirs.map((dir) => [read(dir).name, read(dir).version]));
  const outside = [];
  for (const { dir, field, dep, spec } of kept) {
    const { floor, ceiling } = explicitRange(spec);
    const version = versions.get(dep);
    if (version && (below(version, floor) < 0 || below(version, ceiling) >= 0)) outside.push(`${dir}: ${dep} ${version} is outside ${spec}`);
    const text = readFileSync(join(root, dir, 'package.json'), 'utf8');
    const manifest = JSON.parse(text);
    if (manifest[field][dep] === spec) continue;
    manifest[field][dep] = spec;
    // The file as changesets writes it: two spaces, a final newline.
    writeFileSync(join(root, dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  if (outside.length) {
    throw new Error(`A release leaves a declared core range (decide each one by the compatibility policy, root README):\n${outside.join('\n')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  // The rehearsal runs this in a scratch copy with no node_modules: it names its own changesets.
  const bin = process.env.CHANGESET_BIN ?? join(dirname(createRequire(join(root, 'package.json')).resolve('@changesets/cli/package.json')), 'bin.js');
  versionPackages(root, bin);
}

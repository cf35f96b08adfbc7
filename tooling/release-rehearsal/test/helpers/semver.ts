// The little of semver the rehearsal needs: plain x.y.z versions and the caret ranges that
// `pnpm pack` writes for `workspace:^`. Anything else is refused loudly rather than guessed.

export type Bump = 'major' | 'minor' | 'patch';

const BUMP_ORDER: Bump[] = ['patch', 'minor', 'major'];

function parse(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`not a plain x.y.z version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

export function bumpVersion(version: string, bump: Bump): string {
  const [major, minor, patch] = parse(version);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

export function maxBump(a: Bump | undefined, b: Bump): Bump {
  return a && BUMP_ORDER.indexOf(a) > BUMP_ORDER.indexOf(b) ? a : b;
}

/** One comparator set: `^1.2.3`, `~1.2.3`, `1.2.3`, `>=0.1.0 <1.0.0` (space-separated, all must hold). */
function comparators(range: string): { op: string; version: string }[] {
  if (!range.trim() || range.includes('||')) throw new Error(`unsupported range: "${range}"`);
  return range
    .trim()
    .split(/\s+/)
    .map((part) => {
      const match = /^(\^|~|>=|<=|>|<|=)?(\d+\.\d+\.\d+)$/.exec(part);
      if (!match?.[2]) throw new Error(`unsupported range: "${range}"`);
      return { op: match[1] ?? '=', version: match[2] };
    });
}

/** The oldest version a range allows: its highest lower bound (`^0.2.0`: 0.2.0; `>=0.1.0 <1.0.0`: 0.1.0). */
export function rangeFloor(range: string): string {
  const floors = comparators(range).flatMap(({ op, version }) => {
    if (op === '>') throw new Error(`no oldest version in "${range}"`);
    return op === '<' || op === '<=' ? [] : [version];
  });
  return floors.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), '0.0.0');
}

/** `^1.2.3` is <2.0.0, `^0.2.3` is <0.3.0, `^0.0.3` is <0.0.4; `~1.2.3` is <1.3.0. */
function caretCeiling([major, minor, patch]: [number, number, number]): string {
  if (major > 0) return `${major + 1}.0.0`;
  if (minor > 0) return `0.${minor + 1}.0`;
  return `0.0.${patch + 1}`;
}

export function satisfies(version: string, range: string): boolean {
  return comparators(range).every(({ op, version: bound }) => {
    const order = compareVersions(version, bound);
    if (op === '^') return order >= 0 && compareVersions(version, caretCeiling(parse(bound))) < 0;
    if (op === '~') return order >= 0 && compareVersions(version, `${parse(bound)[0]}.${parse(bound)[1] + 1}.0`) < 0;
    return { '=': order === 0, '>=': order >= 0, '<=': order <= 0, '>': order > 0, '<': order < 0 }[op] ?? false;
  });
}

/** The range a `workspace:` spec stands for, given the dependency's current version (as changesets reads it). */
export function workspaceRange(spec: string, currentVersion: string): string {
  const rest = spec.replace(/^workspace:/, '');
  if (rest === '*') return currentVersion;
  if (rest === '^' || rest === '~') return `${rest}${currentVersion}`;
  return rest;
}

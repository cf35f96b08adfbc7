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

/** The oldest version a `^x.y.z` range allows: x.y.z. */
export function caretFloor(range: string): string {
  const match = /^\^(\d+\.\d+\.\d+)$/.exec(range);
  if (!match?.[1]) throw new Error(`expected a caret range like ^1.2.3, got ${range}`);
  return match[1];
}

/** `^1.2.3` is <2.0.0, `^0.2.3` is <0.3.0, `^0.0.3` is <0.0.4. */
export function satisfiesCaret(version: string, range: string): boolean {
  const floor = parse(caretFloor(range));
  const v = parse(version);
  if (compareVersions(version, caretFloor(range)) < 0) return false;
  if (floor[0] > 0) return v[0] === floor[0];
  if (floor[1] > 0) return v[0] === 0 && v[1] === floor[1];
  return v[0] === 0 && v[1] === 0 && v[2] === floor[2];
}

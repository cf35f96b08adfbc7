// The version of the package being built or tested (the one in the current folder).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function pkgVersionDefine() {
  const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
  return { __PKG_VERSION__: JSON.stringify(pkg.version) };
}

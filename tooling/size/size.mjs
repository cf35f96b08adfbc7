#!/usr/bin/env node
// `pnpm size`: bundles each entry (esbuild, minified ESM for the browser, or for Node where the entry
// says so) against the BUILT packages, prints the gzipped sizes, and exits 1 when a budget is exceeded or a canary trips.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle } from './bundle.mjs';
import { LOGGING_MARK, PRINTING_MARK, REALTIME_MARK } from './marks.mjs';
import { printTable } from './table.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// Each file of entries/ (one per package) exports a list of { name, code, budget, forbid, target?,
// logging? }: `code` is a small program a user could write, `budget` the gzipped bytes CI enforces,
// `forbid` canary marks (and every entry must be free of logging unless it sets `logging: true`, and
// of the server entries' printing, and of realtime unless it sets `realtime: true`); `require`, marks the bundle must carry (a canary's own route, so
// that a stale pattern fails instead of passing forever). A mark is a string or a RegExp.
// `platform`, where set, is esbuild's platform (`node`: the core's node entry; the default is the browser).
// `target`, where set, is a smaller budget an issue asks for and the entry does not meet yet: the
// table shows the gap on every run instead of hiding it.
const entries = [];
for (const file of readdirSync(join(here, 'entries')).sort((a, b) => (a === 'core.mjs' ? -1 : b === 'core.mjs' ? 1 : a.localeCompare(b)))) {
  entries.push(...(await import(pathToFileURL(join(here, 'entries', file)).href)).default);
}


const rows = [];
let failed = false;
for (const entry of entries) {
  const { text, min, gz } = await bundle(entry.code, { resolveDir: here, platform: entry.platform });
  const has = (mark) => (typeof mark === 'string' ? text.includes(mark) : mark.test(text));
  // A Node bundle gets the core's node entry, which installs printing (and logging) for the server.
  const leaks = [...(entry.forbid ?? []), ...(entry.platform === 'node' ? [] : [PRINTING_MARK]), ...(entry.logging ? [] : [LOGGING_MARK]), ...(entry.realtime ? [] : [REALTIME_MARK])].filter(has);
  const lacks = (entry.require ?? []).filter((mark) => !has(mark));
  const ok = gz <= entry.budget && leaks.length === 0 && lacks.length === 0;
  failed ||= !ok;
  const result = !ok ? (leaks.length ? `FAIL: contains ${leaks.join(', ')}` : lacks.length ? `FAIL: lacks its own ${lacks.join(', ')}` : 'FAIL: over budget') : entry.target && gz > entry.target ? `ok; ${gz - entry.target} B over target ${entry.target}` : 'ok';
  rows.push({ entry: entry.name, 'min B': min, 'gzip B': gz, 'budget B': entry.budget, result });
}

printTable(rows);
if (failed) {
  console.error('\nsize check failed');
  process.exit(1);
}
const short = rows.filter((r) => r.result.includes('over target')).length;
console.log(`\n${rows.length} size checks passed${short ? `; ${short} still over their target` : ''}`);

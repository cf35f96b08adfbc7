#!/usr/bin/env node
// Adds up the vitest JSON reports of every package (written by the shared vitest config) and
// prints one closing line: "Tests: N passed, N failed, N skipped". Exits 1 when any test
// failed or when no test ran at all, so "green" can never mean "nothing was checked".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const reports = [];
const walk = (dir, depth) => {
  if (depth > 3) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    const report = join(path, '.vitest', 'report.json');
    if (existsSync(report)) reports.push(report);
    walk(path, depth + 1);
  }
};
walk(join(root, 'packages'), 0);
walk(join(root, 'tooling'), 0);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  console.log(`${file.slice(root.length).replace('/.vitest/report.json', '')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);

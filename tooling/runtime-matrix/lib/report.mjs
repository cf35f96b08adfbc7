// @ts-check
// One line per cell on stdout, and the cell as JSON in artifacts/results/ (the README's table is
// made from those).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR } from './paths.mjs';

/** @typedef {import('./types').Cell} Cell */

/** `runtime-matrix  node22  node v22.23.3  ok  512 ms` (aligned). */
export function summaryLine(/** @type {Cell} */ cell) {
  return `runtime-matrix  ${cell.runtime.padEnd(30)} ${cell.version.padEnd(34)} ${(cell.ok ? 'ok' : 'FAIL').padEnd(4)} ${String(cell.ms).padStart(6)} ms`;
}

/** Prints the summary line and saves the cell. */
export function recordCell(/** @type {Cell} */ cell) {
  console.log(summaryLine(cell));
  const dir = join(ARTIFACTS_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${cell.runtime.replace(/[^\w.-]+/g, '_')}.json`), `${JSON.stringify({ ...cell, at: new Date().toISOString() }, null, 2)}\n`);
}

/** The failed steps of a report, one per line (for an assertion's message). */
export function failures(/** @type {Cell} */ cell) {
  return cell.report.steps
    .filter((s) => !s.ok)
    .map((s) => `${cell.runtime}: ${s.name}: ${s.detail}`)
    .join('\n');
}

// @ts-check
// The smoke program in a page: `smokeAndShow(target)` runs it and adds its report to the page as a
// table (for the screenshot). Loaded by the Chromium cell with a dynamic import().
import { smoke } from '../smoke.mjs';

/** @param {import('../lib/types').Target} target */
export async function smokeAndShow(target) {
  const report = await smoke(target);
  const section = document.createElement('section');
  section.id = 'smoke';
  const heading = document.createElement('h2');
  heading.textContent = `Smoke program: ${report.ok ? 'every step passed' : 'FAILED'}`;
  const table = document.createElement('table');
  for (const step of report.steps) {
    const row = table.insertRow();
    row.insertCell().textContent = step.ok ? '✓' : '✗';
    row.insertCell().textContent = step.name;
    row.insertCell().textContent = step.detail;
  }
  section.append(heading, table);
  document.body.append(section);
  return report;
}

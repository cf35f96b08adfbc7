// @ts-check
// The realtime page's module (bundled for the browser, imported by the Chromium cell):
// - `showLiveRows(target)` subscribes to the target's table and keeps `#rows` in step with it: an
//   INSERT appends an item, an UPDATE rewrites it, a DELETE strikes it through. It resolves once
//   the server has confirmed the subscription (from then on every write reaches the page).
// - `realtimeSmokeAndShow(target)` runs the realtime smoke program and adds its report as a table.
import { AerostackClient } from '@aerostack/core';
import { connect, subscribeTable } from '@aerostack/realtime';
import { confirmed, realtimeSmoke } from '../realtime-smoke.mjs';

/** @typedef {{ id: number, name: string }} Row */

/** @param {import('../lib/types').RealtimeTarget} target */
export async function showLiveRows(target) {
  const client = new AerostackClient({ apiKey: target.aerostackKey, baseURL: target.aerostackURL, logLevel: 'off' });
  const list = /** @type {HTMLUListElement} */ (document.getElementById('rows'));
  const status = /** @type {HTMLElement} */ (document.getElementById('live-status'));
  const rt = connect(client);
  rt.onStatusChange((s, error) => (status.textContent = error ? `${s}: ${error.name} ${error.message}` : s));
  const sub = subscribeTable(rt, target.realtimeTable);
  sub.on((change) => {
    const row = /** @type {Row} */ (/** @type {unknown} */ (change.data));
    let item = list.querySelector(`li[data-id="${row.id}"]`);
    if (!item) {
      item = document.createElement('li');
      item.setAttribute('data-id', String(row.id));
      list.append(item);
    }
    item.textContent = `#${row.id} ${row.name}`;
    item.className = change.operation === 'INSERT' ? '' : change.operation === 'UPDATE' ? 'updated' : 'deleted';
    status.textContent = `${rt.status} to ${sub.topic}: ${list.children.length} rows, last ${change.operation}`;
  });
  await confirmed(sub, `table/${target.realtimeTable}`);
  status.textContent = `${rt.status} to ${sub.topic}: waiting for rows`;
  document.body.dataset.live = 'subscribed';
}

/** @param {import('../lib/types').RealtimeTarget} target */
export async function realtimeSmokeAndShow(target) {
  const report = await realtimeSmoke(target);
  const section = document.createElement('section');
  section.id = 'realtime-smoke';
  const heading = document.createElement('h2');
  heading.textContent = `Realtime smoke program: ${report.ok ? 'every step passed' : 'FAILED'}`;
  const table = document.createElement('table');
  for (const step of report.steps) {
    const row = table.insertRow();
    row.insertCell().textContent = step.ok ? '✓' : '✗';
    row.insertCell().textContent = step.name;
    row.insertCell().textContent = step.detail.length > 160 ? `${step.detail.slice(0, 160)}…` : step.detail;
  }
  section.append(heading, table);
  document.body.append(section);
  return report;
}

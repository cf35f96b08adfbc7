// Headless Chromium (playwright-core, Debian's chromium). The page is the browser-page example
// (its index.html, its main.js bundled by esbuild for the browser), served from another origin than
// the emulator's, so every call is a CORS request. It streams a chat into the DOM; then the smoke
// program, bundled for the browser, runs in the same page and adds its report to it. A screenshot
// of the page is saved as artifacts/chromium.png.
// Realtime: a page (entries/realtime.html + realtime-page.mjs) subscribes to a table and lists its
// rows; the test inserts, updates and deletes rows through @aerostack/database and watches the list
// follow; then the realtime smoke program runs there. Screenshot: artifacts/chromium-realtime.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AerostackClient } from '@aerostack/core';
import { query, sql } from '@aerostack/database';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundle } from '../lib/bundle.mjs';
import { launchChromium } from '../lib/chromium.mjs';
import { ARTIFACTS_DIR, EXAMPLES_DIR, MATRIX_DIR } from '../lib/paths.mjs';
import { serveFiles } from '../lib/static-server.mjs';
import type { Report, Target } from '../lib/types';
import { expectCell, REALTIME_STEPS, realtimeTarget, useEmulator } from './helpers';

const emu = useEmulator();
let site: Awaited<ReturnType<typeof serveFiles>>;

beforeAll(async () => {
  const page = join(EXAMPLES_DIR, 'browser-page');
  const entry = (name: string) => bundle({ entry: join(MATRIX_DIR, 'entries', name) }, 'browser');
  const [main, smoke, realtime] = await Promise.all([bundle({ entry: join(page, 'main.js') }, 'browser'), entry('browser.mjs'), entry('realtime-page.mjs')]);
  site = await serveFiles({
    '/': { type: 'text/html; charset=utf-8', body: readFileSync(join(page, 'index.html'), 'utf8') },
    '/main.js': { type: 'text/javascript', body: main.code },
    '/smoke.js': { type: 'text/javascript', body: smoke.code },
    '/realtime.html': { type: 'text/html; charset=utf-8', body: readFileSync(join(MATRIX_DIR, 'entries', 'realtime.html'), 'utf8') },
    '/realtime.js': { type: 'text/javascript', body: realtime.code },
  });
});

afterAll(async () => {
  await site.close();
});

/** The page's errors and console errors, as they come (a console line containing `allowed` is expected, not a problem). */
function pageProblems(page: Page, allowed?: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !(allowed && message.text().includes(allowed))) problems.push(`console: ${message.text()}`);
  });
  return problems;
}

it('streams a chat into the DOM and runs the smoke program in Chromium', async () => {
  const started = performance.now();
  const browser = await launchChromium();
  try {
    const { page } = browser;
    // The smoke program's typed-error step gets a 401 on purpose; Chromium logs that resource.
    const problems = pageProblems(page, 'status of 401');

    // The example page, told where the emulator is by its query string, asks at once.
    const prompt = 'Hello from Chromium';
    const query = new URLSearchParams({ baseURL: emu.target.aerostackURL, key: emu.target.aerostackKey, prompt });
    await page.goto(`${site.url}/?${query.toString()}`);
    // A hang guard for a loaded machine (the page's calls answer in moments on an idle one).
    await page.waitForFunction(() => document.body.dataset.state === 'done' || document.body.dataset.state === 'error', undefined, { timeout: 120_000 });
    const chat = await page.evaluate(() => {
      const answer = document.getElementById('answer');
      return {
        state: document.body.dataset.state,
        status: document.getElementById('status')?.textContent,
        text: answer?.textContent,
        // Each delta was appended as a node of its own.
        pieces: [...(answer?.childNodes ?? [])].map((n) => n.textContent),
      };
    });
    expect(chat.state, chat.status ?? '').toBe('done');
    expect(chat.text).toBe(`You said: ${prompt}`);
    expect(chat.pieces.length).toBeGreaterThan(1);
    expect(chat.pieces.join('')).toBe(chat.text);
    expect(chat.status).toBe(`${chat.pieces.length} chunks`);

    // The smoke program, in the same page (cross-origin to both of the emulator's ports).
    const target: Target = { ...emu.target, runtime: 'chromium' };
    // A string: vitest would rewrite an import() written in a function of this file.
    const report = await page.evaluate<Report>(`import('/smoke.js').then((m) => m.smokeAndShow(${JSON.stringify(target)}))`);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'chromium.png'), fullPage: true });
    // The cell first: a failure names its step and error (the page's heading only says FAILED).
    expectCell({ runtime: 'chromium', version: browser.version, ok: report.ok, ms: Math.round(performance.now() - started), report });
    expect(await page.locator('#smoke h2').textContent()).toBe('Smoke program: every step passed');
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

it('shows rows arriving live (the harness writes them) and runs the realtime smoke program in Chromium', async () => {
  const live = await realtimeTarget(emu, 'rt_chromium_live', { runtime: 'chromium' });
  const smoke = await realtimeTarget(emu, 'rt_chromium_smoke', { runtime: 'chromium' });
  const started = performance.now();
  const browser = await launchChromium();
  try {
    const { page } = browser;
    const problems = pageProblems(page);
    await page.goto(`${site.url}/realtime.html`);
    // Resolves once the server confirmed the page's subscription (a string: see the first test).
    await page.evaluate(`import('/realtime.js').then((m) => m.showLiveRows(${JSON.stringify(live)}))`);
    const rows = () => page.locator('#rows li').allTextContents();
    // The list grows with each row the harness inserts through @aerostack/database (waits are hang guards).
    const client = new AerostackClient({ apiKey: emu.target.aerostackKey, baseURL: emu.target.aerostackURL, logLevel: 'off' });
    const names = ['Ada', 'Grace', 'Edsger', 'Barbara', 'Donald'];
    for (const [i, name] of names.entries()) {
      expect(await rows()).toHaveLength(i);
      await query(client, sql`INSERT INTO rt_chromium_live (id, name) VALUES (${i + 1}, ${name})`);
      await page.waitForFunction((n) => document.querySelectorAll('#rows li').length === n, i + 1, { timeout: 60_000 });
    }
    expect(await rows()).toEqual(names.map((name, i) => `#${i + 1} ${name}`));
    await query(client, sql`UPDATE rt_chromium_live SET name = ${'Grace Hopper'} WHERE id = ${2}`);
    await query(client, sql`DELETE FROM rt_chromium_live WHERE id = ${4}`);
    await page.waitForFunction(() => document.querySelector('#rows li[data-id="4"]')?.classList.contains('deleted') === true, undefined, { timeout: 60_000 });
    const items = await page.locator('#rows li').evaluateAll((lis) => lis.map((li) => `${li.textContent} ${li.getAttribute('class') ?? ''}`.trim()));
    expect(items).toEqual(['#1 Ada', '#2 Grace Hopper updated', '#3 Edsger', '#4 Barbara deleted', '#5 Donald']);
    expect(await page.locator('#live-status').textContent()).toMatch(/^connected to table\/rt_chromium_live\/\S+: 5 rows, last DELETE$/);
    // The realtime smoke program in the same page (the browser's own WebSocket, cross-origin).
    const report = await page.evaluate<Report>(`import('/realtime.js').then((m) => m.realtimeSmokeAndShow(${JSON.stringify(smoke)}))`);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-realtime.png'), fullPage: true });
    expect(await page.locator('#realtime-smoke h2').textContent()).toBe('Realtime smoke program: every step passed');
    expectCell({ runtime: 'chromium realtime', version: browser.version, ok: report.ok, ms: Math.round(performance.now() - started), report }, '', REALTIME_STEPS);
    expect(report.steps[0]?.detail).toBe('the global WebSocket');
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

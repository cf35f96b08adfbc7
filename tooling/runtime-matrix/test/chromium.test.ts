// Headless Chromium (playwright-core, Debian's chromium). The page is the browser-page example
// (its index.html, its main.js bundled by esbuild for the browser), served from another origin than
// the emulator's, so every call is a CORS request. It streams a chat into the DOM; then the smoke
// program, bundled for the browser, runs in the same page and adds its report to it. A screenshot
// of the page is saved as artifacts/chromium.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundle } from '../lib/bundle.mjs';
import { launchChromium } from '../lib/chromium.mjs';
import { ARTIFACTS_DIR, EXAMPLES_DIR, MATRIX_DIR } from '../lib/paths.mjs';
import { serveFiles } from '../lib/static-server.mjs';
import type { Report, Target } from '../lib/types';
import { expectCell, useEmulator } from './helpers';

const emu = useEmulator();
let site: Awaited<ReturnType<typeof serveFiles>>;

beforeAll(async () => {
  const page = join(EXAMPLES_DIR, 'browser-page');
  const [main, smoke] = await Promise.all([bundle({ entry: join(page, 'main.js') }, 'browser'), bundle({ entry: join(MATRIX_DIR, 'entries', 'browser.mjs') }, 'browser')]);
  site = await serveFiles({
    '/': { type: 'text/html; charset=utf-8', body: readFileSync(join(page, 'index.html'), 'utf8') },
    '/main.js': { type: 'text/javascript', body: main.code },
    '/smoke.js': { type: 'text/javascript', body: smoke.code },
  });
});

afterAll(async () => {
  await site.close();
});

it('streams a chat into the DOM and runs the smoke program in Chromium', async () => {
  const started = performance.now();
  const browser = await launchChromium();
  try {
    const { page } = browser;
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // The smoke program's typed-error step gets a 401 on purpose; Chromium logs that resource.
      if (message.type() === 'error' && !message.text().includes('status of 401')) problems.push(`console: ${message.text()}`);
    });

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
    expect(await page.locator('#smoke h2').textContent()).toBe('Smoke program: every step passed');
    expectCell({ runtime: 'chromium', version: browser.version, ok: report.ok, ms: Math.round(performance.now() - started), report });
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

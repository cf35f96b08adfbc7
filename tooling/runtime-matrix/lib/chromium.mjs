// @ts-check
// Headless Chromium (Debian's /usr/bin/chromium) through playwright-core. A persistent context on a
// fresh user-data directory: Playwright refuses --user-data-dir in `args` and takes it this way.
// Without the background-networking flags Chromium hangs on a closed network (it waits for
// component updates, sync, ...).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumBinary } from './paths.mjs';

// --headless and --no-sandbox are also set by Playwright (headless: true, chromiumSandbox: false).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium; `close()` also removes its user-data directory. */
export async function launchChromium() {
  const executablePath = chromiumBinary();
  const userDataDir = await mkdtemp(join(tmpdir(), 'runtime-matrix-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 120_000 });
    const page = context.pages()[0] ?? (await context.newPage());
    // A persistent context has no Browser object to ask; the DevTools protocol knows the version.
    const cdp = await context.newCDPSession(page);
    const { product } = /** @type {{ product: string }} */ (await cdp.send('Browser.getVersion'));
    await cdp.detach();
    return {
      context,
      page,
      /** e.g. `HeadlessChrome/150.0.7871.100` */
      version: product,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

// @ts-check
// Runs one of the examples in tooling/examples/ by hand, with the matrix's own harness, against the
// emulator (`pnpm emulator` at the root) or, with AEROSTACK_BASE_URL and AEROSTACK_API_KEY set, a
// real deployment. From the repository's root:
//
//   node tooling/runtime-matrix/run-example.mjs node-script "What is an edge cache?"
//   node tooling/runtime-matrix/run-example.mjs cloudflare-worker   # workerd, http://127.0.0.1:8788/?q=...
//   node tooling/runtime-matrix/run-example.mjs edge-handler        # edge runtime, http://127.0.0.1:8789/api/chat?q=...
//   node tooling/runtime-matrix/run-example.mjs browser-page        # a page at http://127.0.0.1:5173/
//
// The servers run until Ctrl+C. The examples import the SDK by name; here the names resolve to the
// workspace's built packages (run `pnpm build` first), as they would to installed ones in a project.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle } from './lib/bundle.mjs';
import { bundleEdgeHandler, startEdge } from './lib/edge.mjs';
import { EXAMPLES_DIR, MATRIX_DIR } from './lib/paths.mjs';
import { childEnv, runChild } from './lib/processes.mjs';
import { serveFiles } from './lib/static-server.mjs';
import { startWorker } from './lib/workerd.mjs';

const [name, ...rest] = process.argv.slice(2);
/** The variables the examples read, when set. @type {Record<string, string>} */
const env = {};
for (const variable of ['AEROSTACK_BASE_URL', 'AEROSTACK_API_KEY']) {
  const value = process.env[variable];
  if (value) env[variable] = value;
}

/** Keeps a server up until Ctrl+C. @param {() => Promise<unknown>} stop */
function untilInterrupted(stop) {
  console.log('Press Ctrl+C to stop.');
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
}

switch (name) {
  case 'node-script': {
    const run = await runChild(process.execPath, ['--import', join(MATRIX_DIR, 'lib', 'register.mjs'), join(EXAMPLES_DIR, 'node-script', 'index.mjs'), ...rest], {
      env: { ...childEnv(), ...env },
      timeoutMs: 120_000,
    });
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
    process.exitCode = run.code ?? 1;
    break;
  }
  case 'cloudflare-worker': {
    const { code } = await bundle({ entry: join(EXAMPLES_DIR, 'cloudflare-worker', 'index.js') }, 'workerd');
    const worker = await startWorker(code, { bindings: env, port: 8788 });
    console.log(`The Worker (workerd): ${worker.url.href}?q=What+is+a+Worker`);
    untilInterrupted(() => worker.dispose());
    break;
  }
  case 'edge-handler': {
    const edge = startEdge(await bundleEdgeHandler(join(EXAMPLES_DIR, 'edge-handler', 'api', 'chat.js')), { env });
    const server = await edge.serve(8789);
    console.log(`The edge handler (edge runtime): ${server.url}api/chat?q=Hello`);
    untilInterrupted(() => server.close());
    break;
  }
  case 'browser-page': {
    const dir = join(EXAMPLES_DIR, 'browser-page');
    const { code } = await bundle({ entry: join(dir, 'main.js') }, 'browser');
    const site = await serveFiles(
      {
        '/': { type: 'text/html; charset=utf-8', body: readFileSync(join(dir, 'index.html'), 'utf8') },
        '/main.js': { type: 'text/javascript', body: code },
      },
      { port: 5173 },
    );
    const query = new URLSearchParams({ prompt: 'Hello from the browser' });
    if (env.AEROSTACK_BASE_URL) query.set('baseURL', env.AEROSTACK_BASE_URL);
    if (env.AEROSTACK_API_KEY) query.set('key', env.AEROSTACK_API_KEY);
    console.log(`The page: ${site.url}/?${query.toString()}`);
    untilInterrupted(() => site.close());
    break;
  }
  default:
    console.error('usage: node tooling/runtime-matrix/run-example.mjs <node-script | cloudflare-worker | edge-handler | browser-page> [question]');
    process.exitCode = 2;
}

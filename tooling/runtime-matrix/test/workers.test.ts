// The runtimes that run a bundle: workerd (through Miniflare, a Miniflare instance of its own next
// to the emulator's) and Vercel's edge runtime. Each runs the smoke program, bundled by esbuild as
// its toolchain would, and one of the examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle } from '../lib/bundle.mjs';
import { bundleEdgeHandler, edgeRuntimeVersion, startEdge } from '../lib/edge.mjs';
import { EXAMPLES_DIR, MATRIX_DIR } from '../lib/paths.mjs';
import { recordCell } from '../lib/report.mjs';
import type { Report } from '../lib/types';
import { COMPATIBILITY_DATE, startWorker, workerdVersion } from '../lib/workerd.mjs';
import { expectCell, REALTIME_STEPS, realtimeTarget, useEmulator } from './helpers';

const emu = useEmulator();
const since = (started: number) => Math.round(performance.now() - started);

describe('workerd (Miniflare)', () => {
  it('runs the smoke program in a Worker', async () => {
    const started = performance.now();
    const { code } = await bundle({ entry: join(MATRIX_DIR, 'entries', 'worker.mjs') }, 'workerd');
    const worker = await startWorker(code);
    try {
      const response = await worker.fetch('/', { method: 'POST', body: JSON.stringify({ ...emu.target, runtime: 'workerd' }) });
      const text = await response.text();
      expect(response.status, text).toBe(200);
      const report = JSON.parse(text) as Report;
      expectCell({ runtime: 'workerd', version: `workerd ${workerdVersion()}`, ok: report.ok, ms: since(started), report });
    } finally {
      await worker.dispose();
    }
  });

  it('runs the cloudflare-worker example (its wrangler.toml settings, the key and URL as bindings)', async () => {
    const started = performance.now();
    const dir = join(EXAMPLES_DIR, 'cloudflare-worker');
    const toml = readFileSync(join(dir, 'wrangler.toml'), 'utf8');
    const compatibilityDate = /^compatibility_date = "([\d-]+)"$/m.exec(toml)?.[1];
    expect(compatibilityDate).toBe(COMPATIBILITY_DATE);
    expect(toml).not.toMatch(/nodejs_compat/);
    const { code } = await bundle({ entry: join(dir, 'index.js') }, 'workerd');
    const worker = await startWorker(code, { compatibilityDate, bindings: { AEROSTACK_BASE_URL: emu.target.aerostackURL, AEROSTACK_API_KEY: emu.target.aerostackKey } });
    try {
      const ask = async (q: string) => {
        const response = await worker.fetch(`/?q=${encodeURIComponent(q)}`);
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      const first = await ask('What is a Worker?');
      expect(first).toEqual({ status: 200, body: { question: 'What is a Worker?', answer: 'You said: What is a Worker?', cached: false } });
      expect(await ask('What is a Worker?')).toEqual({ status: 200, body: { ...first.body, cached: true } });
      expect((await ask('')).status).toBe(400);
      recordCell({ runtime: 'example cloudflare-worker', version: `workerd ${workerdVersion()}`, ok: true, ms: since(started), report: { ok: true, runtime: 'workerd', steps: [] } });
    } finally {
      await worker.dispose();
    }
    // A wrong key: the SDK's typed error, answered as the example's 502.
    const wrong = await startWorker(code, { compatibilityDate, bindings: { AEROSTACK_BASE_URL: emu.target.aerostackURL, AEROSTACK_API_KEY: 'ac_secret_wrong' } });
    try {
      const response = await wrong.fetch('/?q=hi');
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ code: 'AUTH_INVALID_KEY' });
    } finally {
      await wrong.dispose();
    }
  });
});

describe('realtime in workerd (Miniflare)', () => {
  it('runs the realtime smoke program in a Worker, with workerd\'s own outbound WebSocket', async () => {
    const target = await realtimeTarget(emu, 'rt_workerd', { runtime: 'workerd' });
    const started = performance.now();
    const { code } = await bundle({ entry: join(MATRIX_DIR, 'entries', 'realtime-worker.mjs') }, 'workerd');
    const worker = await startWorker(code);
    try {
      const response = await worker.fetch('/', { method: 'POST', body: JSON.stringify(target) });
      const text = await response.text();
      expect(response.status, text).toBe(200);
      const report = JSON.parse(text) as Report;
      expectCell({ runtime: 'workerd realtime', version: `workerd ${workerdVersion()}`, ok: report.ok, ms: since(started), report }, text, REALTIME_STEPS);
      expect(report.steps[0]?.detail).toBe('the global WebSocket');
    } finally {
      await worker.dispose();
    }
  });
});

describe('the edge runtime', () => {
  it('runs the smoke program in an edge handler (no process, no Node globals)', async () => {
    const started = performance.now();
    const edge = startEdge(await bundleEdgeHandler(join(MATRIX_DIR, 'entries', 'edge.mjs')));
    expect(edge.runtime.evaluate('typeof process')).toBe('undefined');
    const response = await edge.fetch('http://edge.local/', { method: 'POST', body: JSON.stringify({ ...emu.target, runtime: 'edge-runtime' }) });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const report = JSON.parse(text) as Report;
    expectCell({ runtime: 'edge-runtime', version: `${edgeRuntimeVersion()} (node ${process.version})`, ok: report.ok, ms: since(started), report });
  });

  it('runs the realtime smoke program in an edge handler, with the runtime\'s global WebSocket', async () => {
    const target = await realtimeTarget(emu, 'rt_edge', { runtime: 'edge-runtime' });
    const started = performance.now();
    const edge = startEdge(await bundleEdgeHandler(join(MATRIX_DIR, 'entries', 'realtime-edge.mjs')));
    // edge-runtime 4 gives its VM context undici's WebSocket (@edge-runtime/primitives).
    expect(edge.runtime.evaluate('typeof WebSocket')).toBe('function');
    expect(edge.runtime.evaluate('typeof process')).toBe('undefined');
    const response = await edge.fetch('http://edge.local/', { method: 'POST', body: JSON.stringify(target) });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const report = JSON.parse(text) as Report;
    expectCell({ runtime: 'edge-runtime realtime', version: `${edgeRuntimeVersion()} (node ${process.version})`, ok: report.ok, ms: since(started), report }, text, REALTIME_STEPS);
    expect(report.steps[0]?.detail).toBe('the global WebSocket');
  });

  it('runs the edge-handler example: the answer streamed as text, the requests counted', async () => {
    const started = performance.now();
    const code = await bundleEdgeHandler(join(EXAMPLES_DIR, 'edge-handler', 'api', 'chat.js'));
    // As on Vercel, the configuration is in process.env.
    const edge = startEdge(code, { env: { AEROSTACK_BASE_URL: emu.target.aerostackURL, AEROSTACK_API_KEY: emu.target.aerostackKey } });
    for (const n of [1, 2]) {
      const response = await edge.fetch(`http://edge.local/api/chat?q=${encodeURIComponent(`Hello edge ${n}`)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('x-request-count')).toBe(String(n));
      expect(await response.text()).toBe(`You said: Hello edge ${n}`);
    }
    recordCell({ runtime: 'example edge-handler', version: edgeRuntimeVersion(), ok: true, ms: since(started), report: { ok: true, runtime: 'edge-runtime', steps: [] } });
  });
});

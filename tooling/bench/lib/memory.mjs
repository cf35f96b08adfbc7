// Benchmark 4: memory of a large streamed upload. A child uploads a generated ReadableStream of
// `mib` MiB (a fresh 64 KiB Uint8Array per pull, highWaterMark 1: the body is never held) to the
// mock server, which reads and discards it and answers the byte count (checked). Peak RSS growth
// is the peak resident set size during the upload minus the RSS just before it.
//
// Peak: the kernel's high-water mark (VmHWM in /proc/self/status), reset right before the upload
// by writing 5 to /proc/self/clear_refs; where that is refused, the larger of VmHWM and RSS
// sampled every 5 ms with process.memoryUsage.rss(). Before the upload, each client sends a 1 MiB
// stream the same way (so its transport is loaded) and the heap is collected.
//
// The same child also uploads to the emulator (R2, written in 5 MiB parts as the body arrives: a
// slow reader, so back-pressure is exercised); its size is then checked with getMetadata.
//
// As a child: node --expose-gc lib/memory.mjs '{"client", "mib", "baseURL", "apiKey"?}' prints
// { growthMiB, peakMiB, beforeMiB, mbps, bytes, hwmReset }.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { childArgs, collect, report } from './proc.mjs';

export const CLIENTS = [
  ['ours-fetch', "ours: `storage.upload` with `transport: 'fetch'`"],
  ['ours-node', 'ours: `storage.upload`, the Node transport'],
  ['fetch', 'raw `fetch`, default options (`duplex: \'half\'`), for contrast'],
  ['fetch-redirect-error', "raw `fetch` with `redirect: 'error'`"],
];

const CHUNK = 64 * 1024;

function generated(bytes) {
  let sent = 0;
  return new ReadableStream(
    {
      pull(c) {
        if (sent >= bytes) return c.close();
        const n = Math.min(CHUNK, bytes - sent);
        c.enqueue(new Uint8Array(n).fill(sent & 255));
        sent += n;
      },
    },
    { highWaterMark: 1 },
  );
}

// Resolves to the number of bytes the server took: the mock answers it; the emulator's `{url}`
// does not, so there the stored object's size is read back with getMetadata.
async function uploader(client, baseURL, apiKey = 'ac_secret_bench') {
  if (client === 'ours-fetch' || client === 'ours-node') {
    const { AerostackClient } = await import('@aerostack/core');
    const { upload, getMetadata } = await import('@aerostack/storage');
    const c = new AerostackClient({ apiKey, baseURL, transport: client === 'ours-fetch' ? 'fetch' : 'node' });
    return async (bytes) => {
      const r = await upload(c, { key: 'bench/big.bin', file: generated(bytes) });
      return r.bytes ?? (await getMetadata(c, { key: 'bench/big.bin' })).size;
    };
  }
  const redirect = client === 'fetch-redirect-error' ? 'error' : undefined;
  return async (bytes) => {
    const res = await fetch(`${baseURL}/storage/upload`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-aerostack-key': 'ac_secret_bench' }, body: generated(bytes), duplex: 'half', ...(redirect && { redirect }) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()).bytes;
  };
}

const MiB = 1024 * 1024;
const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;

async function child() {
  const { client, mib, baseURL, apiKey } = childArgs();
  const send = await uploader(client, baseURL, apiKey);
  const small = await send(MiB);
  if (small < MiB) throw new Error(`server got ${small} bytes of 1 MiB`);
  collect();
  await new Promise((r) => setTimeout(r, 50));
  collect();
  const before = process.memoryUsage.rss();
  let hwmReset = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    hwmReset = false;
  }
  let sampled = before;
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > sampled) sampled = rss;
  }, 5);
  const t0 = performance.now();
  const bytes = mib * MiB;
  const received = await send(bytes);
  const ms = performance.now() - t0;
  clearInterval(timer);
  if (received < bytes) throw new Error(`server got ${received} bytes of ${bytes}`);
  const peak = hwmReset ? Math.max(hwm(), sampled) : sampled;
  report({ growthMiB: (peak - before) / MiB, peakMiB: peak / MiB, beforeMiB: before / MiB, mbps: bytes / 1e6 / (ms / 1000), bytes: received, hwmReset });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  child().catch((e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  });
}

/**
 * `rounds` rounds of each client (order rotated), each upload in a fresh process. Rows: per
 * client, the median growth, peak, RSS before and MB/s.
 */
export async function run({ baseURL, apiKey, clients = CLIENTS, mib, rounds, progress, label = 'mock' }) {
  const { join } = await import('node:path');
  const { LIB_DIR, median, rotate, runNode } = await import('./proc.mjs');
  const samples = [];
  for (let round = 0; round < rounds; round++) {
    for (const [client] of rotate(clients, round)) {
      const r = await runNode(['--expose-gc', join(LIB_DIR, 'memory.mjs'), JSON.stringify({ client, mib, baseURL, apiKey })], { timeoutMs: 400_000 });
      samples.push({ client, ...r });
      progress?.(`memory (${label}) round ${round + 1}/${rounds} ${client}: +${Math.round(r.growthMiB)} MiB peak RSS, ${Math.round(r.mbps)} MB/s${r.hwmReset ? '' : ' (VmHWM not reset: sampled)'}`);
    }
  }
  return clients.map(([client, description]) => {
    const mine = samples.filter((s) => s.client === client);
    return { client, description, rounds: mine.length, growthMiB: median(mine.map((s) => s.growthMiB)), peakMiB: median(mine.map((s) => s.peakMiB)), beforeMiB: median(mine.map((s) => s.beforeMiB)), mbps: median(mine.map((s) => s.mbps)), hwmReset: mine.every((s) => s.hwmReset) };
  });
}

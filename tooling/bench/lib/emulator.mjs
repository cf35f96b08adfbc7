// The cross-checks against the emulator (Miniflare/workerd) rather than the mock server: the
// per-request benchmark's non-streaming call on the gateway route, and the 1 GiB upload to R2.
// The emulator runs in a process of its own (lib/emulator-server.mjs), stopped by its pid.
//
// Its gateway charges a wallet per completion (10,000 credits per (project, slug, consumer), ~6
// per call here), so every measuring process uses a slug of its own.
import { join } from 'node:path';
import { LIB_DIR, startHelper } from './proc.mjs';
import { measureRounds, summarize } from './requests.mjs';
import { run as memoryRun, CLIENTS as MEMORY_CLIENTS } from './memory.mjs';

export async function start() {
  const { info, stop, pid } = await startHelper(join(LIB_DIR, 'emulator-server.mjs'), [], { readyTimeoutMs: 120_000 });
  return { ...info, stop, pid };
}

export async function requests(emulator, { clients, rounds, n, warmup, progress }) {
  const rows = await measureRounds({
    kind: 'request',
    clients,
    modes: ['seq', 'conc'],
    rounds,
    n,
    warmup,
    target: (round, client, mode) => ({ baseURL: emulator.aerostackURL, consumerKey: emulator.consumerKey, slug: `bench-r${round}-${client}-${mode}` }),
    progress: (line) => progress?.(`emulator ${line}`),
    timeoutMs: 300_000,
  });
  return summarize(rows, 'fetch');
}

export async function upload(emulator, { mib, rounds, progress }) {
  return memoryRun({ baseURL: emulator.aerostackURL, apiKey: emulator.key, clients: MEMORY_CLIENTS.filter(([c]) => c.startsWith('ours')), mib, rounds, progress, label: 'emulator' });
}

// startEmulator(): the Aerostack API (and, for now, a Smarter placeholder) on Miniflare.
//
// One Miniflare instance, so one workerd process (~75 MB), with two workers: `aerostack` (the
// Hono app, D1 + KV) and `smarter` (a 501 placeholder in this version). Each worker listens on its
// own port through `unsafeDirectSockets`. A direct socket bypasses Miniflare's entry worker, which
// would gzip JSON for clients that accept it (Node's fetch does), and a gzip'd response that is
// cut midway reaches the client as an empty, clean body: fault injection needs the raw socket.
// Miniflare's own entry socket still exists (random port on 127.0.0.1) and is not used.
import { resolve, join } from 'node:path';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { d1Databases, DEV_KEYS, projectBindings } from './projects';
import { SMARTER_STUB } from './smarter-stub';
import { handleRuntimeStdio } from './stdio';
import type { Emulator, EmulatorOptions } from './types';
import { loadWorkerScript } from './worker-script';

export type { Emulator, EmulatorOptions } from './types';
export { DEV_KEYS } from './projects';

const COMPATIBILITY_DATE = '2025-09-01';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

const urlHost = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const keys = [...new Set(options.keys?.length ? options.keys : DEV_KEYS)];
  const projects = projectBindings(keys);
  const dataDir = options.inMemory ? undefined : resolve(options.dataDir ?? '.aerostack-emulator');
  const persist = dataDir ? { d1Persist: join(dataDir, 'd1'), kvPersist: join(dataDir, 'kv'), r2Persist: join(dataDir, 'r2') } : {};

  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    cf: false,
    log: new Log(LogLevel.WARN),
    handleRuntimeStdio,
    ...persist,
    workers: [
      {
        name: 'aerostack',
        modules: true,
        script: await loadWorkerScript(),
        compatibilityDate: COMPATIBILITY_DATE,
        unsafeDirectSockets: [{ host, port: options.aerostackPort ?? 8787 }],
        d1Databases: d1Databases(projects),
        kvNamespaces: ['CACHE'],
        r2Buckets: ['FILES'],
        queueProducers: { JOBS: 'jobs' },
        // maxBatchTimeout 0: a job is delivered within ~10-50 ms of being sent (1 s otherwise).
        queueConsumers: { jobs: { maxBatchTimeout: 0 } },
        bindings: { PROJECTS: projects.map((p) => ({ ...p })), CONTROL: LOOPBACK.has(host), LOG: options.log === true },
      },
      {
        name: 'smarter',
        modules: true,
        script: SMARTER_STUB,
        compatibilityDate: COMPATIBILITY_DATE,
        unsafeDirectSockets: [{ host, port: options.smarterPort ?? 9357 }],
      },
    ],
  });
  try {
    await mf.ready;
    const [aerostack, smarter] = await Promise.all([mf.unsafeGetDirectURL('aerostack'), mf.unsafeGetDirectURL('smarter')]);
    const display = urlHost(host);
    return {
      aerostackURL: `http://${display}:${aerostack.port}/v1`,
      smarterURL: `http://${display}:${smarter.port}/api/v1/`,
      keys,
      dataDir,
      stop: () => mf.dispose(),
    };
  } catch (error) {
    await mf.dispose().catch(() => undefined);
    throw error;
  }
}

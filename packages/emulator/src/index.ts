// startEmulator(): the Aerostack and Smarter APIs on Miniflare.
//
// One Miniflare instance, so one workerd process (~75 MB), with two workers: `aerostack` (D1, a
// Durable Object per project, R2, Queues) and `smarter` (D1, R2). Both share the `EMU` database (the emulator's own state:
// idempotency records, the write log, fault rules), so one control route serves both. Each worker listens on its
// own port through `unsafeDirectSockets`. A direct socket bypasses Miniflare's entry worker, which
// would gzip JSON for clients that accept it (Node's fetch does), and a gzip'd response that is
// cut midway reaches the client as an empty, clean body: fault injection needs the raw socket.
// Miniflare's own entry socket still exists (random port on 127.0.0.1) and is not used.
// The projects' own D1 databases are not in this instance: each runs in a Miniflare instance of its
// own, started at its first statement (project-databases.ts), so that a runaway query blocks only
// its project.
import { resolve, join } from 'node:path';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { d1Databases, DEV_KEYS, projectBindings, SMARTER_DEV_KEYS, smarterAccounts } from './projects';
import { loadMigrations } from './migrations';
import { bundleFunctions } from './functions';
import { D1_QUERY_TIMEOUT_MS, ProjectDatabases } from './project-databases';
import { handleRuntimeStdio } from './stdio';
import type { Emulator, EmulatorOptions } from './types';
import { loadWorkerScript } from './worker-script';

export type { Emulator, EmulatorOptions } from './types';
export { DEV_KEYS, SMARTER_DEV_KEYS } from './projects';

const COMPATIBILITY_DATE = '2025-09-01';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

const urlHost = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const keys = [...new Set(options.keys?.length ? options.keys : DEV_KEYS)];
  const projects = projectBindings(keys);
  const smarterKeys = [...new Set(options.smarterKeys?.length ? options.smarterKeys : SMARTER_DEV_KEYS)];
  const smarterGeneration = options.smarterGeneration ?? 'v0.14';
  const control = LOOPBACK.has(host);
  const dataDir = options.inMemory ? undefined : resolve(options.dataDir ?? '.aerostack-emulator');
  const persist = dataDir ? { d1Persist: join(dataDir, 'd1'), durableObjectsPersist: join(dataDir, 'do'), r2Persist: join(dataDir, 'r2') } : {};
  const queryTimeoutMs = options.queryTimeoutMs ?? D1_QUERY_TIMEOUT_MS;
  if (!Number.isInteger(queryTimeoutMs) || queryTimeoutMs < 1) throw new Error(`queryTimeoutMs: expected a whole number of milliseconds ≥ 1, got ${String(options.queryTimeoutMs)}`);
  // Bundled before anything starts: a function that does not build fails the start, naming it.
  const functions = options.functions === undefined ? undefined : await bundleFunctions(options.functions);
  // Each project's tables in a workerd process of its own (see project-databases.ts), reached by
  // the worker through PROJECT_DB: a runaway query there blocks nothing else.
  const migrations = options.migrations === undefined ? [] : await loadMigrations(options.migrations);
  const databases = await ProjectDatabases.create({ projects: projects.map((p) => p.project), persist: dataDir && join(dataDir, 'd1'), timeoutMs: queryTimeoutMs, compatibilityDate: COMPATIBILITY_DATE, migrations });
  // Before the servers listen: no request sees a database half migrated.
  await databases.migrate().catch(async (error: unknown) => {
    await databases.stop().catch(() => undefined);
    throw error;
  });

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
        script: await loadWorkerScript('worker.js'),
        compatibilityDate: COMPATIBILITY_DATE,
        unsafeDirectSockets: [{ host, port: options.aerostackPort ?? 8787 }],
        d1Databases: d1Databases(),
        // One Durable Object per project (SQLite storage): the cache, atomic read-modify-writes.
        durableObjects: { PROJECT: { className: 'ProjectObject', useSQLite: true } },
        r2Buckets: ['FILES', 'SMARTER_FILES'],
        queueProducers: { JOBS: 'jobs' },
        // maxBatchTimeout 0: a job is delivered within ~10-50 ms of being sent (1 s otherwise).
        queueConsumers: { jobs: { maxBatchTimeout: 0 } },
        serviceBindings: { PROJECT_DB: databases.binding, ...(functions && { FUNCTIONS: 'functions' }) },
        bindings: {
          PROJECTS: projects.map((p) => ({ ...p })),
          FUNCTION_SLUGS: functions?.slugs ?? [],
          CONTROL: control,
          LOG: options.log === true,
          ...(options.aiUpstream && { AI_UPSTREAM: { ...options.aiUpstream, baseURL: options.aiUpstream.baseURL.replace(/\/+$/, '') } }),
        },
      },
      {
        name: 'smarter',
        modules: true,
        script: await loadWorkerScript('smarter.js'),
        compatibilityDate: COMPATIBILITY_DATE,
        unsafeDirectSockets: [{ host, port: options.smarterPort ?? 9357 }],
        d1Databases: { SMARTER: 'smarter', EMU: 'aerostack-emulator' },
        r2Buckets: ['SMARTER_FILES'],
        bindings: { ACCOUNTS: smarterAccounts(smarterKeys).map((a) => ({ ...a })), GENERATION: smarterGeneration, CONTROL: control, LOG: options.log === true },
      },
      // The project's custom functions, in the same workerd process; their database, cache and
      // storage are reached through the API worker's routes (binding API): src/functions-worker/runtime.ts.
      ...(functions
        ? [{ name: 'functions', modules: true, script: functions.script, compatibilityDate: COMPATIBILITY_DATE, compatibilityFlags: ['nodejs_compat'], serviceBindings: { API: 'aerostack' } }]
        : []),
    ],
  });
  try {
    await mf.ready;
    // Realtime db_change: each project's captured row changes go to its Durable Object, which holds
    // its sockets (change-pump.ts). Through Miniflare's own handle on the namespace, not a route.
    const objects = await mf.getDurableObjectNamespace('PROJECT', 'aerostack');
    databases.setChangeSink(async (project, changes) => {
      const response = await objects.get(objects.idFromName(project)).fetch('http://project/realtime/changes', { method: 'POST', body: JSON.stringify({ project, changes }) });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`realtime: the project object refused the changes (${response.status})`);
    });
    const [aerostack, smarter] = await Promise.all([mf.unsafeGetDirectURL('aerostack'), mf.unsafeGetDirectURL('smarter')]);
    const display = urlHost(host);
    return {
      aerostackURL: `http://${display}:${aerostack.port}/v1`,
      smarterURL: `http://${display}:${smarter.port}/api/v1/`,
      keys,
      consumerKeys: Object.fromEntries(projects.map((p) => [p.key, p.consumerKey])),
      smarterKeys,
      smarterGeneration,
      functions: functions?.slugs ?? [],
      dataDir,
      migrations: migrations.map((m) => m.name),
      stop: async () => {
        await Promise.all([mf.dispose(), databases.stop()]);
      },
    };
  } catch (error) {
    await Promise.all([mf.dispose().catch(() => undefined), databases.stop().catch(() => undefined)]);
    throw error;
  }
}

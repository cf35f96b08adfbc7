// aerostack-emulator [options]: see HELP below.
import { parseArgs } from 'node:util';
import { startEmulator } from './index';

const HELP = `Usage: aerostack-emulator [options]

  --port <n>           Aerostack API port (default 8787; 0 = any free port)
  --smarter-port <n>   Smarter API port (default 9357; 0 = any free port)
  --host <host>        interface to listen on (default 127.0.0.1)
  --data-dir <dir>     where data persists (default ./.aerostack-emulator)
  --in-memory          keep nothing on disk
  --key <key>          an accepted Aerostack API key (repeatable; default: the two dev keys)
  --smarter-key <key>  an accepted Smarter API key (repeatable; default: the two dev keys)
  --smarter-generation <v0.14|v0.13>
                       the Smarter server generation to play (default v0.14)
  --ai-upstream <url>  answer AI chat from an OpenAI-compatible server (<url>/chat/completions)
                       instead of the deterministic responder; its key from AEROSTACK_EMULATOR_AI_UPSTREAM_KEY
  --ai-upstream-model <model>
                       the model to ask the upstream for (default: the request's)
  --query-timeout-ms <n>
                       D1's maximum query duration in ms (default 30000, the platform's)
  --migrations <dir>   apply the .sql files of <dir> at start to every project's database, in
                       file-name order, each once (tracked in d1_migrations, as wrangler does)
  --functions <dir>    custom functions: each *.js, *.mjs or *.ts module in <dir> answers
                       /v1/custom/<file name> (see the README, Custom functions)
  --log                log every request
  -h, --help           this help`;

function port(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name}: expected a port number, got "${value}"`);
  return n;
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: expected a whole number ≥ 1, got "${value}"`);
  return n;
}

/** The upstream's key comes from the environment, never from argv (which other users can see). */
function aiUpstream(url: string | undefined, model: string | undefined): { baseURL: string; apiKey?: string; model?: string } | undefined {
  if (url === undefined) return undefined;
  if (!/^https?:\/\//.test(url)) throw new Error(`--ai-upstream: expected an http(s) URL, got "${url}"`);
  const apiKey = process.env.AEROSTACK_EMULATOR_AI_UPSTREAM_KEY;
  return { baseURL: url, ...(apiKey && { apiKey }), ...(model && { model }) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'smarter-port': { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'in-memory': { type: 'boolean' },
      key: { type: 'string', multiple: true },
      'smarter-key': { type: 'string', multiple: true },
      'smarter-generation': { type: 'string' },
      'ai-upstream': { type: 'string' },
      'ai-upstream-model': { type: 'string' },
      'query-timeout-ms': { type: 'string' },
      migrations: { type: 'string' },
      log: { type: 'boolean' },
      functions: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const generation = values['smarter-generation'];
  if (generation !== undefined && generation !== 'v0.13' && generation !== 'v0.14') throw new Error(`--smarter-generation: expected v0.14 or v0.13, got "${generation}"`);
  const started = Date.now();
  const emulator = await startEmulator({
    aerostackPort: port(values.port, '--port'),
    smarterPort: port(values['smarter-port'], '--smarter-port'),
    host: values.host,
    dataDir: values['data-dir'],
    inMemory: values['in-memory'],
    keys: values.key,
    smarterKeys: values['smarter-key'],
    smarterGeneration: generation,
    queryTimeoutMs: positive(values['query-timeout-ms'], '--query-timeout-ms'),
    log: values.log,
    migrations: values.migrations,
    functions: values.functions,
    aiUpstream: aiUpstream(values['ai-upstream'], values['ai-upstream-model']),
  });
  console.log(`Aerostack emulator ready in ${Date.now() - started} ms
  Aerostack API  ${emulator.aerostackURL}
  Smarter API    ${emulator.smarterURL}  (server generation ${emulator.smarterGeneration})
  AI answers     ${values['ai-upstream'] ? `from ${values['ai-upstream']}` : 'the deterministic local responder'}
  Functions      ${values.functions === undefined ? 'none (--functions <dir>)' : `${emulator.functions.join(', ') || '(the folder has none)'} from ${values.functions}`}
  Data           ${emulator.dataDir ?? 'in memory'}
  Migrations     ${values.migrations === undefined ? 'none (--migrations <dir>)' : `${values.migrations}: ${emulator.migrations.length} file(s), applied to every project`}
  Aerostack API keys (X-Aerostack-Key; each its own project), each with its gateway consumer key (Authorization: Bearer):
${emulator.keys.map((k) => `    ${k}   consumer: ${emulator.consumerKeys[k] ?? '-'}`).join('\n')}
  Smarter API keys (Authorization: Token <key>; each its own account):
${emulator.smarterKeys.map((k) => `    ${k}`).join('\n')}
Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // Miniflare's own signal handlers would kill workerd and exit at once with 130/143; this process
  // is the CLI's, so it replaces them with a graceful stop (dispose, then exit 0).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => stop(signal));
  }
}

main().catch((error: unknown) => {
  console.error(`aerostack-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

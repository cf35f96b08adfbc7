// The public types of the launcher. Types only: build.mjs copies this file as dist/types.d.ts.

export interface EmulatorOptions {
  /** Port of the Aerostack API (`/v1`). Default 8787; 0 picks a free port. */
  aerostackPort?: number;
  /** Port of the Smarter API (`/api/v1/`). Default 9357; 0 picks a free port. */
  smarterPort?: number;
  /** Interface to listen on. Default `127.0.0.1`. The `/__emulator/` control routes are served only on a loopback host. */
  host?: string;
  /** Where D1, Durable Object (cache) and R2 data persist. Default `.aerostack-emulator` in the working directory (unless `inMemory`). */
  dataDir?: string;
  /** Keep everything in memory (a temporary directory dropped on `stop()`). Wins over `dataDir`. */
  inMemory?: boolean;
  /** The Aerostack API keys accepted; each is its own project. Default: `DEV_KEYS`. */
  keys?: string[];
  /** The Smarter API keys accepted (`Authorization: Token <key>`); each is its own account. Default: `SMARTER_DEV_KEYS`. */
  smarterKeys?: string[];
  /**
   * Which Smarter server generation to play: `v0.14` (LLMClient, `cli/prompt/`, `thing` inside `metadata`)
   * or `v0.13` (Chatbot, `cli/chat/`, `thing` at the top level). Default `v0.14`. A request may pick the
   * other one with the header `x-emulator-generation` (loopback hosts only, like the other controls).
   */
  smarterGeneration?: 'v0.13' | 'v0.14';
  /**
   * An OpenAI-compatible server (OpenAI, a local Ollama or llama.cpp, ...) that answers the Aerostack
   * AI chat and the gateway's completions instead of the deterministic local responder:
   * `POST <baseURL>/chat/completions` with `Authorization: Bearer <apiKey>`, `model` replaced when given.
   */
  aiUpstream?: { baseURL: string; apiKey?: string; model?: string };
  /**
   * D1's maximum SQL query duration, in milliseconds. Default 30000 (the platform's 30 s). A statement
   * still running then gets D1's timeout error (`400 DB_QUERY_FAILED`) and the project's database
   * process is restarted; other projects, the cache and the Smarter API are never blocked by it.
   */
  queryTimeoutMs?: number;
  /** Log one line per request. Default false. */
  log?: boolean;
  /**
   * A folder of `.sql` migration files (CLI `--migrations <dir>`), applied at start to every
   * project's database in file-name order, each once (recorded in the project's `d1_migrations`
   * table, as wrangler's `d1 migrations apply` does; with a data directory, across restarts). Each
   * file runs in one transaction; a file that fails makes `startEmulator` reject with an error
   * naming the file and the SQL error. `POST /__emulator/reset` applies them all again.
   */
  migrations?: string;
  /**
   * A folder of custom functions: each `*.js`, `*.mjs` or `*.ts` module in it is the function of its
   * file name (`send-invoice.ts` answers `/v1/custom/send-invoice`), run on workerd with the calling
   * project's database, cache and storage. See the README, Custom functions.
   */
  functions?: string;
}

export interface Emulator {
  /** `http://<host>:<port>/v1` */
  aerostackURL: string;
  /** `http://<host>:<port>/api/v1/` */
  smarterURL: string;
  /** The accepted Aerostack API keys. */
  keys: string[];
  /** The gateway consumer key of each project (`Authorization: Bearer`), by the project's API key. */
  consumerKeys: Record<string, string>;
  /** The accepted Smarter API keys. */
  smarterKeys: string[];
  /** The Smarter server generation played by default. */
  smarterGeneration: 'v0.13' | 'v0.14';
  /** The custom functions' slugs (empty without `functions`). */
  functions: string[];
  /** The data directory, or undefined in memory. */
  dataDir: string | undefined;
  /** The migration files found in `migrations`, in the order they apply (empty without it). */
  migrations: string[];
  /** Stops both servers and the engine. */
  stop(): Promise<void>;
}

// The bindings the launcher (src/index.ts) gives the worker, and the per-request variables.

import type { ProjectDb } from './db/project-db';
import type { ProjectBinding } from './project-binding';
import type { ProjectObject } from './project/object';

export type { ProjectBinding };

export interface Env {
  /** The accepted keys and their projects (a JSON binding). */
  PROJECTS: ProjectBinding[];
  /** One Durable Object per project (named by its id): its cache, in the object's SQLite storage. */
  PROJECT: DurableObjectNamespace<ProjectObject>;
  /** Stored files of every project, keys under `projects/<project>/`. */
  FILES: R2Bucket;
  /** The job queue (consumed by this same worker). */
  JOBS: Queue;
  /** The emulator's own state: idempotency records, the write log, fault rules. */
  EMU: D1Database;
  /** The Smarter worker's database and files, bound here only so that `/__emulator/reset` wipes them too. */
  SMARTER: D1Database;
  SMARTER_FILES: R2Bucket;
  /** Whether the `/__emulator/` control routes and `x-emulator-fault` are on (loopback hosts only). */
  CONTROL: boolean;
  /** Log one line per request. */
  LOG: boolean;
  /** An OpenAI-compatible server that answers AI chat instead of the deterministic responder. */
  AI_UPSTREAM?: AiUpstream;
  /** The custom functions' worker (src/functions-worker), when the emulator has a `functions` folder. */
  FUNCTIONS?: Fetcher;
  /** The custom functions' slugs. */
  FUNCTION_SLUGS: string[];
  /** The projects' databases, run by the launcher (src/project-databases.ts): see db/project-db.ts. */
  PROJECT_DB: Fetcher;
}

export interface AiUpstream {
  /** Its base URL: chat goes to `<baseURL>/chat/completions`. */
  baseURL: string;
  apiKey?: string;
  /** The model asked for, whatever the request names. */
  model?: string;
}

export interface Project {
  id: string;
  db: ProjectDb;
}

export interface AppEnv {
  Bindings: Env;
  Variables: { project: Project };
}

/** The gateway's consumer routes: the project comes from the consumer's credential, not an API key. */
export interface ConsumerEnv {
  Bindings: Env;
  Variables: { project: Project; consumer: string };
}

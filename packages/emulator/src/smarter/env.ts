// The bindings the launcher (src/index.ts) gives the Smarter worker.

/** One accepted Smarter key and the account it opens. */
export interface SmarterAccount {
  key: string;
  account: string;
}

export interface SmarterEnv {
  /** The accepted keys (`Authorization: Token <key>`), each its own account (a JSON binding). */
  ACCOUNTS: SmarterAccount[];
  /** The server generation played unless a request picks the other with `x-emulator-generation`. */
  GENERATION: 'v0.13' | 'v0.14';
  /** Manifests, chat sessions, files' metadata, fine-tuning jobs of every account. */
  SMARTER: D1Database;
  /** Uploaded files' bytes, keys under `<account>/`. */
  SMARTER_FILES: R2Bucket;
  /** The emulator's own state, shared with the Aerostack worker: idempotency, write log, fault rules. */
  EMU: D1Database;
  /** Whether control features (`x-emulator-*` headers, fault rules) are on (loopback hosts only). */
  CONTROL: boolean;
  /** Log one line per request. */
  LOG: boolean;
}

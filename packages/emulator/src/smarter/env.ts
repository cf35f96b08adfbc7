// The bindings the launcher (src/index.ts) gives the Smarter worker, and the per-request variables.

/** One accepted Smarter key and the account it opens. */
export interface SmarterAccount {
  key: string;
  account: string;
}

export type Generation = 'v0.13' | 'v0.14';

export interface SmarterEnv {
  /** The accepted keys (`Authorization: Token <key>`), each its own account (a JSON binding). */
  ACCOUNTS: SmarterAccount[];
  /** The server generation played unless a request picks the other with `x-emulator-generation`. */
  GENERATION: Generation;
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

/** The caller's account, as the key opened it. */
export interface Account {
  /** `acct_<hash>`: the key of every row of the account. */
  id: string;
  /** The platform's account number, `NNNN-NNNN-NNNN` (derived from the id). */
  number: string;
  /** Position of the key in ACCOUNTS (1-based): the user and account ids of whoami. */
  index: number;
}

export interface SmarterAppEnv {
  Bindings: SmarterEnv;
  Variables: { generation: Generation; account: Account };
}

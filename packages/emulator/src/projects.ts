// Each accepted key is its own project: a project id derived from the key (a hash, so the key
// itself never names data on disk) and its own D1 database, in a workerd process of its own
// (project-databases.ts). The database *id* is the project id, so persisted tables follow the key
// even when the list of keys changes order.
import { createHash } from 'node:crypto';
import type { ProjectBinding } from './worker/project-binding';

export const DEV_KEYS = ['ac_secret_dev_project_a', 'ac_secret_dev_project_b'];

/** Smarter API keys are 64-character strings; each dev key is its own Smarter account. */
export const SMARTER_DEV_KEYS = ['smarter-emulator-dev-key-a', 'smarter-emulator-dev-key-b'].map((k) => k.padEnd(64, '0'));

export interface SmarterAccount {
  key: string;
  account: string;
}

/** Each accepted Smarter key is its own account, named by a hash of the key (never the key itself). */
export function smarterAccounts(keys: string[]): SmarterAccount[] {
  return keys.map((key) => ({ key, account: `acct_${createHash('sha256').update(key).digest('hex').slice(0, 16)}` }));
}

export type { ProjectBinding } from './worker/project-binding';

export function projectId(key: string): string {
  return `proj_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

export function projectBindings(keys: string[]): ProjectBinding[] {
  return keys.map((key) => {
    // One consumer per project for the gateway's consumer routes, derived from the key so that it
    // is the same on every start (an app under development can keep it in its .env).
    const hex = createHash('sha256').update(`gateway-consumer:${key}`).digest('hex');
    return { key, project: projectId(key), consumerKey: `ask_test_${hex.slice(0, 32)}`, consumer: `cons_${hex.slice(32, 48)}` };
  });
}

/** The Aerostack worker's `d1Databases` (binding → database id); the projects' own are not here (project-databases.ts). */
export function d1Databases(): Record<string, string> {
  // SMARTER (the Smarter worker's database) is bound here too, for /__emulator/reset.
  return { EMU: 'aerostack-emulator', SMARTER: 'smarter' };
}

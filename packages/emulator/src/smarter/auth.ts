// `Authorization: Token <key>` (the prefix case-insensitively, as django-rest-knox compares it).
// Each accepted key is its own account. A missing, malformed or unknown key is a 403 (the platform
// never answers 401): the error envelope on the CLI and the documented routes, `{message}` on a
// chatbot's own endpoints (see chat/direct.ts).
import { createMiddleware } from 'hono/factory';
import type { Account, SmarterAppEnv, SmarterEnv } from './env';
import { SmarterError } from './errors';

/** The account the request's key opens, if any. */
export function accountOf(env: SmarterEnv, authorization: string | undefined): Account | undefined {
  const match = /^token\s+(\S+)\s*$/i.exec(authorization ?? '');
  const index = match ? env.ACCOUNTS.findIndex((a) => a.key === match[1]) : -1;
  const entry = env.ACCOUNTS[index];
  if (!entry) return undefined;
  // NNNN-NNNN-NNNN from the account's hash (stable across restarts, like the account id).
  const digits = entry.account
    .replace(/^acct_/, '')
    .split('')
    .map((ch) => parseInt(ch, 16) % 10)
    .join('')
    .padEnd(12, '0');
  return { id: entry.account, index: index + 1, number: `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}` };
}

export const auth = createMiddleware<SmarterAppEnv>(async (c, next) => {
  const account = accountOf(c.env, c.req.header('authorization'));
  if (!account) throw new SmarterError(403, 'SmarterAPIV1CLIViewErrorNotAuthenticated', 'authentication failed (a valid `Authorization: Token <api key>` is required)');
  c.set('account', account);
  await next();
});

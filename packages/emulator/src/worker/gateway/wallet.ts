// Wallets and usage of gateway consumers, in the emulator's own database (rows keyed by project).
// A consumer's wallet for an API starts with STARTING_CREDITS; each completion spends its
// total_tokens, and the developer's billing logs spend their units. The emulator treats a billing
// log's `apiId` as the API's slug. A wallet at or below zero refuses completions (429).
import type { Env } from '../env';

export const STARTING_CREDITS = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface WalletRow {
  balance: number;
  total_purchased: number;
  total_consumed: number;
}

export interface Owner {
  project: string;
  apiSlug: string;
  consumer: string;
}

export async function wallet(env: Env, who: Owner): Promise<WalletRow> {
  await env.EMU.prepare('INSERT OR IGNORE INTO gateway_wallets (project, api_slug, consumer, total_purchased, total_consumed) VALUES (?, ?, ?, ?, 0)')
    .bind(who.project, who.apiSlug, who.consumer, STARTING_CREDITS)
    .run();
  const row = await env.EMU.prepare('SELECT total_purchased, total_consumed FROM gateway_wallets WHERE project = ? AND api_slug = ? AND consumer = ?')
    .bind(who.project, who.apiSlug, who.consumer)
    .first<{ total_purchased: number; total_consumed: number }>();
  const purchased = row?.total_purchased ?? STARTING_CREDITS;
  const consumed = row?.total_consumed ?? 0;
  return { balance: purchased - consumed, total_purchased: purchased, total_consumed: consumed };
}

/** Spends `units` from the wallet (created on first use); `tokens` > 0 also counts as one request of usage. */
export async function spend(env: Env, who: Owner, units: number, tokens: number): Promise<void> {
  await wallet(env, who);
  const statements = [
    env.EMU.prepare('UPDATE gateway_wallets SET total_consumed = total_consumed + ? WHERE project = ? AND api_slug = ? AND consumer = ?').bind(
      units,
      who.project,
      who.apiSlug,
      who.consumer,
    ),
  ];
  if (tokens > 0) {
    statements.push(
      env.EMU.prepare('INSERT INTO gateway_usage (project, api_slug, consumer, tokens, at) VALUES (?, ?, ?, ?, ?)').bind(who.project, who.apiSlug, who.consumer, tokens, Date.now()),
    );
  }
  await env.EMU.batch(statements);
}

/**
 * A completion's charge: spends `tokens` only if the balance is above zero, checked and spent in one
 * conditional UPDATE (atomic in D1), so concurrent completions cannot all pass the check before any
 * spends. Answers whether it was charged, and the balance after (or as it stands when refused).
 */
export async function debit(env: Env, who: Owner, tokens: number): Promise<{ charged: boolean; balance: number }> {
  await wallet(env, who);
  const row = await env.EMU.prepare(
    'UPDATE gateway_wallets SET total_consumed = total_consumed + ? WHERE project = ? AND api_slug = ? AND consumer = ? AND total_purchased - total_consumed > 0 RETURNING total_purchased - total_consumed AS balance',
  )
    .bind(tokens, who.project, who.apiSlug, who.consumer)
    .first<{ balance: number }>();
  if (!row) return { charged: false, balance: (await wallet(env, who)).balance };
  if (tokens > 0) {
    await env.EMU.prepare('INSERT INTO gateway_usage (project, api_slug, consumer, tokens, at) VALUES (?, ?, ?, ?, ?)').bind(who.project, who.apiSlug, who.consumer, tokens, Date.now()).run();
  }
  return { charged: true, balance: row.balance };
}

export async function usage(env: Env, who: Owner, days: number): Promise<{ total_tokens: number; total_requests: number; days: number }> {
  const row = await env.EMU.prepare('SELECT COALESCE(SUM(tokens), 0) AS tokens, COUNT(*) AS requests FROM gateway_usage WHERE project = ? AND api_slug = ? AND consumer = ? AND at >= ?')
    .bind(who.project, who.apiSlug, who.consumer, Date.now() - days * DAY_MS)
    .first<{ tokens: number; requests: number }>();
  return { total_tokens: row?.tokens ?? 0, total_requests: row?.requests ?? 0, days };
}

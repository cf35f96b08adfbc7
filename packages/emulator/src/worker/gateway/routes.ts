// The gateway. Consumer routes (Bearer consumer key or end-user token), in both path forms:
//   /v1/ai/gateway/{apiSlug}/chat/completions   /api/gateway/{apiSlug}/v1/chat/completions
//   /v1/ai/gateway/me/wallet?api_slug=          /api/gateway/me/wallet?api_slug=
//   /v1/ai/gateway/me/usage?api_slug=&days=     /api/gateway/me/usage?api_slug=&days=
// and the developer's billing log, POST /v1/gateway/billing/log (project API key; mounted with the
// other /v1 routes). Consumer errors carry the string `error` too, which the platform's own
// clients read (`err.error || err.message`).
import { Hono, type Context } from 'hono';
import { completionResponse, usageOf } from '../ai/chat';
import { parseChatRequest } from '../ai/chat-request';
import { Checker, readBody } from '../body';
import type { AppEnv, ConsumerEnv } from '../env';
import { ApiError, errorBody, onError, validationError } from '../errors';
import { faults } from '../faults/middleware';
import { idempotency } from '../idempotency';
import { writeLog } from '../write-log';
import { consumerAuth } from './consumer-auth';
import { debit, spend, usage, wallet, type Owner } from './wallet';

const DEFAULT_USAGE_DAYS = 30;
const MAX_USAGE_DAYS = 365;

function owner(c: Context<ConsumerEnv>, apiSlug: string | undefined): Owner {
  if (!apiSlug) throw validationError({ api_slug: ['Required'] });
  return { project: c.get('project').id, apiSlug, consumer: c.get('consumer') };
}

function usageDays(value: string | undefined): number {
  if (value === undefined) return DEFAULT_USAGE_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > MAX_USAGE_DAYS) throw validationError({ days: [`Expected a whole number from 1 to ${MAX_USAGE_DAYS}`] });
  return days;
}

/** The consumer routes, mounted under both prefixes. */
function consumerRoutes(chatPath: string): Hono<ConsumerEnv> {
  const routes = new Hono<ConsumerEnv>();
  routes.use('*', faults, consumerAuth, idempotency, writeLog);
  routes.post(chatPath, async (c) => {
    const who = owner(c, c.req.param('apiSlug'));
    const req = parseChatRequest(await readBody(c));
    // Checked and charged in one statement (wallet.ts): concurrent completions cannot overdraw.
    const { charged, balance } = await debit(c.env, who, usageOf(req).total_tokens);
    if (!charged) {
      throw new ApiError(429, 'QUOTA_EXCEEDED', `The wallet of this consumer for ${who.apiSlug} is empty`, { balance });
    }
    return completionResponse(c, req);
  });
  routes.get('/me/wallet', async (c) => {
    const row = await wallet(c.env, owner(c, c.req.query('api_slug')));
    return c.json({ wallet: { ...row, plan_type: 'emulator', hard_limit: null, soft_limit: null } });
  });
  routes.get('/me/usage', async (c) => c.json(await usage(c.env, owner(c, c.req.query('api_slug')), usageDays(c.req.query('days')))));
  routes.onError((error, c) => {
    const response = onError(error, c);
    if (!(error instanceof ApiError)) return response;
    // A quota 429 carries no Retry-After: the platform documents none, and a client that honours
    // one without a cap (openai-node does) would sleep for as long as it says.
    return c.json({ ...errorBody(error.code, error.message, error.details), error: error.message }, error.status, Object.fromEntries(response.headers));
  });
  return routes;
}

export const consumerV1 = consumerRoutes('/:apiSlug/chat/completions');
export const consumerHost = consumerRoutes('/:apiSlug/v1/chat/completions');

/** POST /v1/gateway/billing/log (developer key): spends `units` from the consumer's wallet for `apiId`. */
export const billing = new Hono<AppEnv>();
billing.post('/billing/log', async (c) => {
  const check = new Checker(await readBody(c));
  const consumerId = check.string('consumerId', { required: true });
  const apiId = check.string('apiId', { required: true });
  const units = check.int('units', { required: true, min: 0 });
  check.string('metric');
  check.done();
  // After done(), the required fields are present.
  await spend(c.env, { project: c.get('project').id, apiSlug: String(apiId), consumer: String(consumerId) }, Number(units), 0);
  return c.json({ success: true, loggedUnits: Number(units) });
});

// The OpenAI-style routes: the v0.14 provider passthrough (the platform's, enveloped: `api` and
// `metadata` merged into the completion), and the documented contract of the Python SDK README,
// which platform.smarter.sh does not serve (chat/completions/, responses/): OpenAI shapes, no
// envelope, ErrorEnvelope failures. All need the key (403 ErrorEnvelope).
import { Hono } from 'hono';
import { auth } from '../auth';
import type { SmarterAppEnv } from '../env';
import { envelopeBase } from '../envelope';
import { notFound, SmarterError } from '../errors';
import { listResources } from '../manifests/store';
import { completionOf, readCompletionRequest } from './completion';
import { createResponse } from './responses';

/** The providers every account has; an applied Provider manifest adds its own (by name). */
const BUILT_IN_PROVIDERS = ['openai', 'googleai', 'metaai'];

export const openai = new Hono<SmarterAppEnv>();

openai.post('/prompts/passthrough/:provider/', async (c, next) => {
  // v0.13 has no passthrough route: Django's 404 page.
  if (c.get('generation') !== 'v0.14') return notFound();
  return auth(c, next);
});
openai.post('/prompts/passthrough/:provider/', async (c) => {
  const provider = c.req.param('provider');
  const applied = await listResources(c.env.SMARTER, c.get('account').id, 'provider', undefined);
  const known = BUILT_IN_PROVIDERS.includes(provider) || applied.some((r) => r.name === provider || (r.manifest.spec as { provider?: { name?: unknown } } | undefined)?.provider?.name === provider);
  if (!known) throw new SmarterError(404, 'DoesNotExist', `Provider ${provider} not found`, 'Provider', 'passthrough');
  const completion = await completionOf(await readCompletionRequest(c, 'passthrough'));
  return c.json({ ...completion, ...envelopeBase('v0.14', 'None', 'passthrough') });
});

openai.post('/chat/completions/', auth, async (c) => c.json(await completionOf(await readCompletionRequest(c, 'chat_completions'))));
openai.post('/responses/', auth, createResponse);

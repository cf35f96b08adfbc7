// The Smarter API as a Worker: `/api/v1/...`, both server generations (GENERATION, or the request's
// `x-emulator-generation` on loopback hosts).
//
// Order: CORS (a preflight is answered there), the schema, the generation, faults (before
// anything, as on the Aerostack port), then the routes. Each route group authenticates as the
// platform does there (cli/routes.ts: 403 envelope after the generation check; chat/direct.ts:
// 403 `{message}`). An unknown URL is Django's 404 page.
import { Hono, type Context } from 'hono';
import { cors } from '../worker/cors';
import { directChat, directConfig } from './chat/direct';
import { cli } from './cli/routes';
import type { SmarterAppEnv, SmarterEnv } from './env';
import { notFound, onError } from './errors';
import { smarterFaults } from './faults';
import { files } from './files/routes';
import { fineTuning } from './fine-tuning/routes';
import { generation } from './generation';
import { openai } from './openai/routes';
import { ensureSchema } from './schema';

const api = new Hono<SmarterAppEnv>();
api.route('/cli', cli);
// Mounted at the root with their full paths: a sub-app's own `/` would lose the trailing slash.
api.route('/', files);
api.route('/', fineTuning);
api.route('/', openai);
// The chatbot's own endpoints: `chatbots/` in v0.13, `llm-clients/` in v0.14 (the other is a 404).
// The config is also served at `.../chat/config/` (`.../prompt/config/`), as on the platform.
for (const [prefix, chat, only] of [
  ['/chatbots/:chatbotId', 'chat', 'v0.13'],
  ['/llm-clients/:chatbotId', 'prompt', 'v0.14'],
] as const) {
  api.use(`${prefix}/*`, async (c, next) => (c.get('generation') === only ? next() : notFound()));
  api.all(`${prefix}/${chat}/`, directChat);
  api.all(`${prefix}/config/`, directConfig);
  api.all(`${prefix}/${chat}/config/`, directConfig);
}

const app = new Hono<SmarterAppEnv>();
app.use('*', cors);
app.use('*', async (c, next) => {
  const started = Date.now();
  await ensureSchema(c.env);
  await next();
  if (c.env.LOG) console.log(`[smarter ${c.get('generation')}] ${c.req.method} ${c.req.path} → ${c.res.status} (${Date.now() - started} ms)`);
});
app.use('*', generation);
app.use('*', (c, next) => smarterFaults(c.get('generation'))(c as unknown as Context<SmarterAppEnv, string>, next));
app.route('/api/v1', api);
app.notFound(() => notFound());
app.onError(onError);
api.notFound(() => notFound());
api.onError(onError);

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<SmarterEnv>;

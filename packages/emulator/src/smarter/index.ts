// The Smarter API as a Worker: `/api/v1/...`. (Skeleton: every route answers 501 until implemented.)
import { Hono } from 'hono';
import type { SmarterEnv } from './env';

const app = new Hono<{ Bindings: SmarterEnv }>();
app.all('*', (c) => c.json({ detail: 'not implemented in this emulator version' }, 501));

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<SmarterEnv>;

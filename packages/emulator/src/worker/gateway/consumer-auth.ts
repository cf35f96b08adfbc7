// Who calls a consumer route: `Authorization: Bearer <credential>`, where the credential is the
// project's consumer key (`ask_test_...`, printed by the launcher) or an access token of one of the
// project's end users (from the public auth routes). The project API key is not a credential here.
import { createMiddleware } from 'hono/factory';
import { projectDb } from '../db/project-db';
import type { ConsumerEnv, Env } from '../env';
import { ApiError } from '../errors';
import { verifyToken } from '../users/crypto';
import { checkToken, signingKey } from '../users/store';

const MESSAGE = 'Invalid or missing consumer key or token';

function unauthorized(): ApiError {
  return new ApiError(401, 'AUTH_INVALID_CONSUMER_KEY', MESSAGE);
}

async function fromUserToken(env: Env, token: string): Promise<{ project: string; consumer: string }> {
  const result = await verifyToken(await signingKey(env), token);
  if (!result.ok) throw result.reason === 'expired' ? new ApiError(401, 'AUTH_TOKEN_EXPIRED', 'The access token has expired') : unauthorized();
  // Full check: this project's end-user pool, an access token, not revoked.
  const claims = await checkToken(env, token, result.claims.pid, 'project', 'access');
  return { project: claims.pid, consumer: `user_${claims.sub}` };
}

export const consumerAuth = createMiddleware<ConsumerEnv>(async (c, next) => {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const credential = match?.[1];
  if (!credential) throw unauthorized();
  const byKey = c.env.PROJECTS.find((p) => p.consumerKey === credential);
  const who = byKey ? { project: byKey.project, consumer: byKey.consumer } : credential.startsWith('ask_') ? undefined : await fromUserToken(c.env, credential);
  const entry = who && c.env.PROJECTS.find((p) => p.project === who.project);
  if (!who || !entry) throw unauthorized();
  c.set('project', { id: entry.project, db: projectDb(c.env.PROJECT_DB, entry.project) });
  c.set('consumer', who.consumer);
  await next();
});

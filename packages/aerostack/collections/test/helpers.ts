// Shared with the other Aerostack JSON packages: see tooling/test-utils.
export * from '@aerostack-internal/test-utils/nock-aerostack';
import nock from 'nock';
import { ORIGIN, type Seen } from '@aerostack-internal/test-utils/nock-aerostack';

/**
 * Answers the next request of `method` to `path` (relative to /v1, with its query, exactly as sent)
 * with `status` and `reply`, and records what was sent.
 */
export function reply(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: Seen[] = [];
  const scope = nock(ORIGIN)
    .intercept(`/v1${path}`, method)
    .reply(function (uri, sent) {
      seen.push({ method: this.req.method, path: uri, headers: this.req.headers, body: typeof sent === 'string' && sent ? (JSON.parse(sent) as unknown) : sent });
      return [status, body as nock.Body, headers];
    });
  return { scope, seen };
}

// CORS, so that a web page (any origin) can call the emulator with the SDKs. The first middleware of
// both workers (Aerostack and Smarter), before faults, auth and the schema:
//
// - a preflight (OPTIONS with Access-Control-Request-Method) is answered here, 204, with the
//   methods and the request headers the SDKs send; the route never sees it. An OPTIONS without
//   Access-Control-Request-Method is not a preflight and goes on to the routes as before;
// - any other request with an `Origin` header runs as usual, and its response (errors, faults and
//   404s included) gets Access-Control-Allow-Origin and Access-Control-Expose-Headers. A request
//   without `Origin` (Node, Bun, curl, ...) gets the very same response as without this middleware.
//
// `*` as the origin: the SDKs send no cookies (keys travel in headers), so no credentials mode.
//
// Not for the control routes and the auth outbox (control/guard.ts): they get no CORS at all, so a
// page on another origin can neither pass a preflight nor read an answer.
import { createMiddleware } from 'hono/factory';
import { isControlPath } from './control/guard';

/** The request headers the SDKs send (Aerostack and Smarter), plus the emulator's own controls. */
export const CORS_ALLOW_HEADERS = [
  'x-aerostack-key',
  'x-api-key',
  'authorization',
  'content-type',
  'idempotency-key',
  'x-retry-count',
  'x-request-id',
  'x-sdk-version',
  // What custom functions and collections send (§22): the function's slug (or api_call), the project.
  'x-aerostack-function',
  'x-project-id',
  'x-smarter-clientversion',
  'x-emulator-fault',
  'x-emulator-generation',
  // A page reading a storage URL (/cdn/...) in parts or revalidating its copy.
  'range',
  'if-none-match',
  'if-modified-since',
  'if-match',
  'if-unmodified-since',
  'if-range',
];

/** The response headers a page may read (beyond the CORS-safelisted ones). */
export const CORS_EXPOSE_HEADERS = ['x-request-id', 'retry-after', 'retry-after-ms', 'idempotent-replayed', 'content-type', 'content-length', 'etag', 'content-range', 'accept-ranges'];

export const CORS_ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * The headers to allow for a preflight: the SDKs' list, plus every `x-smarter-*` header the
 * preflight asks for (Smarter's headers share that prefix; a list cannot hold a prefix).
 */
export function allowedHeaders(requested: string | undefined): string {
  const asked = (requested ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h.startsWith('x-smarter-') && !CORS_ALLOW_HEADERS.includes(h));
  return [...CORS_ALLOW_HEADERS, ...new Set(asked)].join(', ');
}

export const cors = createMiddleware(async (c, next) => {
  if (isControlPath(c.req.path)) return next();
  const preflightMethod = c.req.header('access-control-request-method');
  if (c.req.method === 'OPTIONS' && preflightMethod) {
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': CORS_ALLOW_METHODS.join(', '),
        'access-control-allow-headers': allowedHeaders(c.req.header('access-control-request-headers')),
        'access-control-max-age': '86400',
      },
    });
  }
  if (!c.req.header('origin')) return next();
  await next();
  c.res.headers.set('access-control-allow-origin', '*');
  c.res.headers.set('access-control-expose-headers', CORS_EXPOSE_HEADERS.join(', '));
});

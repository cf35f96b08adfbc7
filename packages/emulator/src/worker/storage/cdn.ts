// GET / HEAD /cdn/<project>/<key>: the URLs the storage routes answer (upload, getUrl, copy, move),
// served the way a CDN in front of R2 serves an object: its bytes streamed from R2, Content-Type,
// Content-Length, ETag, Last-Modified, Cache-Control, one byte `Range` (206, or 416), conditional
// requests (304, 412). No API key: the URL is public, as the platform's `cdn.aerostack.ai` ones are.
// A key the project does not have (another project's segment, a deleted object) or a project this
// emulator does not serve is the platform's 404 `{code: "NOT_FOUND", message}`.
import { Hono, type Context } from 'hono';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { evaluate, rangeAllowed } from './conditions';
import { cdnTarget, prefixOf } from './keys';
import { contentRange, parseRange } from './range';

export const cdn = new Hono<{ Bindings: Env }>();

/**
 * Every answer may be cached, but must be revalidated (If-None-Match → 304) before it is used
 * again: an object can be replaced under the same key, and the URL stays the same. An object
 * stored with its own Cache-Control keeps it.
 */
export const CDN_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

const OCTET = 'application/octet-stream';

/** The headers every answer about this object carries (200, 206, 304, 416). */
function objectHeaders(object: R2Object): Headers {
  const headers = new Headers();
  object.writeHttpMetadata(headers); // content-type, -language, -disposition, -encoding, cache-control, expires
  if (!headers.has('content-type')) headers.set('content-type', OCTET);
  if (!headers.has('cache-control')) headers.set('cache-control', CDN_CACHE_CONTROL);
  headers.set('etag', object.httpEtag);
  headers.set('last-modified', object.uploaded.toUTCString());
  headers.set('accept-ranges', 'bytes');
  return headers;
}

const notFound = (key: string) => new ApiError(404, 'NOT_FOUND', `Object not found: ${key}`);

async function serve(c: Context<{ Bindings: Env }>): Promise<Response> {
  const target = cdnTarget(new URL(c.req.url).pathname);
  if (!target || !c.env.PROJECTS.some((p) => p.project === target.project)) throw notFound(target?.key ?? new URL(c.req.url).pathname);
  const name = prefixOf(target.project) + target.key;
  const request = c.req.raw.headers;
  // Hono routes a HEAD to this GET handler and drops the body; the raw method tells them apart.
  const head = c.req.method === 'HEAD';

  // The object's metadata first (no body opened), then the bytes asked for, only if they are
  // still that object's (a put in between: start again with the new one).
  for (let attempt = 0; attempt < 3; attempt++) {
    const meta = await c.env.FILES.head(name);
    if (!meta) throw notFound(target.key);
    const headers = objectHeaders(meta);
    const verdict = evaluate(request, { etag: meta.httpEtag, lastModified: meta.uploaded });
    if (verdict === 'not-modified') {
      for (const h of ['content-type', 'content-language', 'content-disposition', 'content-encoding', 'accept-ranges']) headers.delete(h);
      return new Response(null, { status: 304, headers });
    }
    if (verdict === 'precondition-failed') return new Response(null, { status: 412, headers });

    const range = rangeAllowed(request, { etag: meta.httpEtag, lastModified: meta.uploaded }) ? parseRange(request.get('range'), meta.size) : { kind: 'whole' as const };
    if (range.kind === 'unsatisfiable') {
      headers.set('content-range', contentRange(range, meta.size) as string);
      headers.set('content-type', 'application/json');
      headers.delete('content-disposition');
      headers.delete('content-encoding');
      const body = JSON.stringify({ code: 'RANGE_NOT_SATISFIABLE', message: `Range not satisfiable: ${request.get('range')} (the object has ${meta.size} bytes)` });
      return new Response(head ? null : body, { status: 416, headers });
    }
    const status = range.kind === 'part' ? 206 : 200;
    if (range.kind === 'part') headers.set('content-range', contentRange(range, meta.size) as string);
    headers.set('content-length', String(range.kind === 'part' ? range.length : meta.size));
    if (head) return new Response(null, { status, headers });

    // A ranged get reads only those bytes from R2; either way the body is streamed, never held whole.
    const object = await c.env.FILES.get(name, {
      onlyIf: { etagMatches: meta.etag },
      ...(range.kind === 'part' ? { range: { offset: range.offset, length: range.length } } : {}),
    });
    if (!object) throw notFound(target.key);
    if (!('body' in object)) continue; // replaced since the head: answer about the new object
    return new Response(object.body, { status, headers });
  }
  throw new ApiError(503, 'INTERNAL_ERROR', `The object kept changing while it was read: ${target.key}`);
}

cdn.get('/*', serve);

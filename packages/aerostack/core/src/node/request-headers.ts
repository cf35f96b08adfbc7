// The request headers as fetch sends them: the caller's (lower-cased), plus what fetch adds
// when they are missing, so a server sees the same request from either transport.

import type { OutgoingBody } from './request-body';

type HeaderRecord = Partial<Record<string, string>>;

function record(init: HeadersInit | undefined): HeaderRecord {
  const headers: HeaderRecord = {};
  const add = (value: string, name: string) => {
    const key = name.toLowerCase();
    const previous = headers[key];
    headers[key] = previous === undefined ? value : `${previous}, ${value}`;
  };
  if (Array.isArray(init)) for (const [name, value] of init) add(value, name);
  else if (typeof (init as Headers | undefined)?.forEach === 'function') (init as Headers).forEach(add);
  else for (const name in init) add((init as Record<string, string>)[name] as string, name);
  return headers;
}

export function requestHeaders(init: HeadersInit | undefined, body: OutgoingBody | undefined, secure: boolean): HeaderRecord {
  const headers = record(init);
  headers.accept ??= '*/*';
  headers['user-agent'] ??= 'node';
  // Brotli only over TLS, as fetch asks (intermediaries on plain HTTP may mangle it).
  headers['accept-encoding'] ??= secure ? 'br, gzip, deflate' : 'gzip, deflate';
  if (body?.type) headers['content-type'] ??= body.type;
  if (body?.length !== undefined) headers['content-length'] ??= `${body.length}`;
  return headers;
}

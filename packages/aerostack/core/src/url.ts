import type { QueryValue } from './types';

/**
 * Joins the base URL and a path (an absolute `http(s)://` path is taken as is, for routes
 * outside the versioned base), and appends the query (arrays as repeated keys; null and
 * undefined skipped).
 */
export function buildURL(baseURL: string, path: string, query?: Record<string, QueryValue>): string {
  const url = /^https?:\/\//.test(path) ? path : baseURL.replace(/\/$/, '') + '/' + path.replace(/^\//, '');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    // (`append` turns numbers and booleans into text itself.)
    if (value != null) for (const item of [value].flat()) params.append(key, item as string);
  }
  const search = params.toString();
  return search ? url + (url.includes('?') ? '&' : '?') + search : url;
}

/** A tagged template that percent-encodes each interpolated path segment: path`/items/${id}/`. */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}

import type { QueryValue } from './types';

/**
 * Joins the base URL and a path (an absolute `http(s)://` path is taken as is, for routes
 * outside the versioned base), and appends the query (arrays as repeated keys; null and
 * undefined skipped).
 */
export function buildURL(baseURL: string, path: string, query?: Record<string, QueryValue>): string {
  let url = /^https?:\/\//.test(path) ? path : (baseURL.endsWith('/') ? baseURL.slice(0, -1) : baseURL) + (path.startsWith('/') ? path : '/' + path);
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value == null) continue;
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
    }
    const search = params.toString();
    if (search) url += (url.includes('?') ? '&' : '?') + search;
  }
  return url;
}

/** A tagged template that percent-encodes each interpolated path segment: path`/items/${id}/`. */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}

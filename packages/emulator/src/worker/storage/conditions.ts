// Conditional requests on a stored object (RFC 9110 §13), evaluated in the RFC's order:
// If-Match, else If-Unmodified-Since (412 when they fail); then If-None-Match, else
// If-Modified-Since (304 for a GET or HEAD when the client's copy is current). If-Range decides
// whether a `Range` is honoured. Dates compare at HTTP's one-second precision.

export interface Validators {
  /** The quoted entity tag, as R2's `httpEtag`. */
  etag: string;
  /** When the object was stored. */
  lastModified: Date;
}

export type Verdict = 'proceed' | 'not-modified' | 'precondition-failed';

/** The tags of an If-Match / If-None-Match list; `*` stays `*`. */
function tags(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

const opaque = (tag: string) => tag.replace(/^W\//, '');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** An HTTP date, or undefined when the header is absent or not a date (then it is ignored). */
function httpDate(header: string | null): number | undefined {
  if (!header) return undefined;
  const ms = Date.parse(header);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

export function evaluate(headers: Headers, object: Validators): Verdict {
  const ifMatch = headers.get('if-match');
  if (ifMatch !== null) {
    // Strong comparison: a weak tag never matches.
    const list = tags(ifMatch);
    if (!list.includes('*') && !list.some((t) => !t.startsWith('W/') && t === object.etag)) return 'precondition-failed';
  } else {
    const since = httpDate(headers.get('if-unmodified-since'));
    if (since !== undefined && seconds(object.lastModified) > since) return 'precondition-failed';
  }
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    // Weak comparison.
    const list = tags(ifNoneMatch);
    if (list.includes('*') || list.some((t) => opaque(t) === opaque(object.etag))) return 'not-modified';
  } else {
    const since = httpDate(headers.get('if-modified-since'));
    if (since !== undefined && seconds(object.lastModified) <= since) return 'not-modified';
  }
  return 'proceed';
}

/** Whether a `Range` may be honoured: no If-Range, or one naming this object (strong tag, or its exact date). */
export function rangeAllowed(headers: Headers, object: Validators): boolean {
  const ifRange = headers.get('if-range')?.trim();
  if (!ifRange) return true;
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === object.etag;
  const date = httpDate(ifRange);
  return date !== undefined && date === seconds(object.lastModified);
}

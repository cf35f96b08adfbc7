// A node:http response as the web Response fetch would give for it.

import type { IncomingMessage } from 'node:http';

// A status text Response accepts (HTTP's reason-phrase); anything else is dropped, not fatal.
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** A Response that knows the URL it came from, as a fetched one does, clones included (a constructed Response has an empty `url`). */
class FetchedResponse extends Response {
  readonly #url: string;

  static {
    Object.defineProperty(this.prototype, 'url', {
      get(this: FetchedResponse) {
        return this.#url;
      },
    });
  }

  constructor(body: ReadableStream<Uint8Array> | null, init: ResponseInit, url: string) {
    super(body, init);
    this.#url = url;
  }

  override clone(): Response {
    const copy = super.clone();
    return new FetchedResponse(copy.body, copy, this.#url);
  }
}

/** The status, status text and headers of a node:http response, as a Response takes them. */
export function responseInit(res: IncomingMessage): ResponseInit & { headers: Headers } {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    try {
      headers.append(raw[i] as string, raw[i + 1] as string);
    } catch {
      // A value Headers refuses (fetch would drop the response; one odd header should not).
    }
  }
  const statusText = res.statusMessage ?? '';
  return { status: res.statusCode, statusText: REASON_PHRASE.test(statusText) ? statusText : '', headers };
}

export function webResponse(res: IncomingMessage, body: ReadableStream<Uint8Array> | null, url: string): Response {
  return new FetchedResponse(body, responseInit(res), url);
}

// A scripted `fetch` for tests: answers each call with the next reply, and records what was sent.

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body when it was a string (JSON calls). */
  body: string | undefined;
  init: RequestInit;
  /** Date.now() when fetch was called (the fake clock in timer tests). */
  at: number;
}

export type Reply = Response | Error | ((req: SentRequest) => Response | Promise<Response>);

export function scriptedFetch(...replies: Reply[]) {
  const calls: SentRequest[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = { ...(init.headers as Record<string, string>) };
    const body = typeof init.body === 'string' ? init.body : undefined;
    const req: SentRequest = { url: input instanceof Request ? input.url : String(input), method: init.method ?? 'GET', headers, body, init, at: Date.now() };
    calls.push(req);
    const reply = replies.shift();
    if (!reply) throw new Error(`unexpected request #${calls.length}: ${req.method} ${req.url}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(req) : reply;
  };
  return Object.assign(fn, { calls });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** The error a promise rejects with (failing the test if it resolves). */
export async function rejection<E = Error & Record<string, unknown>>(promise: PromiseLike<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the call to fail');
}

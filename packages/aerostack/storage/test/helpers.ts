import { AerostackClient, type ClientOptions } from '@aerostack/core';

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body when it was a string (JSON calls). */
  body: string | undefined;
  init: RequestInit;
}

export type Reply = Response | Error | ((req: SentRequest) => Response | Promise<Response>);

/** A scripted `fetch`: answers each call with the next reply, records what was sent (copied from core's tests). */
export function scriptedFetch(...replies: Reply[]) {
  const calls: SentRequest[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = { ...(init.headers as Record<string, string>) };
    const body = typeof init.body === 'string' ? init.body : undefined;
    const req: SentRequest = { url: input instanceof Request ? input.url : String(input), method: init.method ?? 'GET', headers, body, init };
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

/** An ErrorResponse as the API sends it, with a request id. */
export function apiError(status: number, code: string, message: string, details?: unknown): Response {
  return json({ code, message, details }, status, { 'x-request-id': `req_${status}` });
}

export const API = 'https://api.aerostack.dev/v1';

/** A client answering from `fetch`, with fast retries. */
export function clientWith(fetch: ReturnType<typeof scriptedFetch>, options: ClientOptions = {}): AerostackClient {
  return new AerostackClient({ apiKey: 'ac_secret_test', fetch, retry: { initialDelay: 1 }, logLevel: 'off', ...options });
}

/** The JSON body of a recorded call. */
export const sentJSON = (req: SentRequest | undefined): unknown => JSON.parse(req?.body ?? 'null');

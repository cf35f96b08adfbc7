import { Client, type ClientOptions, type Preset } from '../src';

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  init: RequestInit;
  /** Date.now() when fetch was called (fake clock in timer tests). */
  at: number;
}

export type Reply = Response | Error | ((req: SentRequest) => Response | Promise<Response>);

/** A scripted `fetch`: answers each call with the next reply, records what was sent. */
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

/** A platform like Smarter: no idempotency keys, so POSTs are not retried. */
export const plainPreset: Preset = {
  name: 'Plain',
  baseURL: 'https://plain.test/api/v1/',
  auth: { scheme: 'Token' },
  env: { apiKey: 'PLAIN_API_KEY' },
};

export function plainClient(options: ClientOptions = {}): Client {
  return new Client({ apiKey: 'plain-key', ...options }, plainPreset);
}

/** Lets pending promise callbacks run. */
export const tick = () => new Promise<void>((r) => setImmediate(r));

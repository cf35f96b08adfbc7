// A real HTTP server on a random local port, for the suites that run against real sockets: each
// test says how it answers, and it records what arrived (and on which connection).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface Arrival {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** The client's port: two requests with the same one came on the same connection. */
  port: number;
}

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  arrivals: Arrival[];
  /** Sets how the server answers from now on. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<LocalServer> {
  let handler: Handler = (_req, res) => res.writeHead(404).end();
  const arrivals: Arrival[] = [];
  const server = createServer((req, res) => {
    arrivals.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, port: req.socket.remotePort ?? 0 });
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    handle: (next) => {
      handler = next;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function sendJSON(res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/**
 * A server that answers each connection's first request and closes the connection at its second,
 * unread and unanswered: a server's idle close meeting a pooled connection's next request, played
 * the same way each time. `served` sees each answered request and its body.
 */
export async function startClosingServer(served: (req: IncomingMessage, body: string) => void): Promise<LocalServer> {
  const server = await startServer(); // a new port: no pooled connection to it yet
  const answered = new WeakSet();
  server.handle(async (req, res) => {
    if (answered.has(req.socket)) return req.socket.destroy();
    answered.add(req.socket);
    served(req, new TextDecoder().decode(await readBody(req)));
    sendJSON(res, { ok: true });
  });
  return server;
}

/** Reads a request body to its end. */
export async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Resolves when the request's connection closes (the client hung up), or rejects after `ms`. */
export function closed(req: IncomingMessage, ms = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the connection was still open after ${ms} ms`)), ms);
    req.socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

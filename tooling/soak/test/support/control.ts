// The emulator's control routes (`<host>/__emulator/...`), over node:http with no keep-alive
// (`agent: false`, `connection: close`): the soak's own bookkeeping leaves no pooled socket behind
// and is never mistaken for a client's socket by the socket tracker.
import http from 'node:http';
import type { Socket } from 'node:net';

export interface WriteRow {
  project: string;
  route: string;
  idempotency_key: string | null;
  at: number;
}

export interface FaultRuleBody {
  match: { method?: string; path?: string };
  times: number;
  status?: number;
  retryAfter?: number;
  retryAfterMs?: number;
  latencyMs?: number;
  drop?: boolean;
}

/** Sockets opened by the control helper, so that the tracker can tell them apart. */
export const controlSockets = new WeakSet<Socket>();

export class Control {
  readonly origin: string;

  constructor(aerostackURL: string) {
    this.origin = aerostackURL.replace(/\/v1\/?$/, '');
  }

  request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = http.request(
        `${this.origin}/__emulator${path}`,
        {
          method,
          agent: false,
          headers: { ...headers, connection: 'close', ...(payload !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 0) >= 400) return reject(new Error(`${method} /__emulator${path}: ${res.statusCode} ${text}`));
            try {
              resolve(JSON.parse(text) as T);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      req.on('socket', (socket) => controlSockets.add(socket));
      req.on('error', reject);
      req.end(payload);
    });
  }

  async writes(project: string): Promise<WriteRow[]> {
    return (await this.request<{ writes: WriteRow[] }>('GET', `/writes?project=${encodeURIComponent(project)}`)).writes;
  }

  async addFault(rule: FaultRuleBody): Promise<number> {
    return (await this.request<{ id: number }>('POST', '/faults', rule)).id;
  }

  async faults(): Promise<(FaultRuleBody & { id: number; times: number })[]> {
    return (await this.request<{ faults: (FaultRuleBody & { id: number; times: number })[] }>('GET', '/faults')).faults;
  }

  /** Closes `sockets` of the project's realtime sockets (oldest first) with 1012; answers how many. */
  async dropRealtime(apiKey: string, sockets: number | 'all'): Promise<number> {
    return (await this.request<{ dropped: number }>('POST', '/realtime/drop', { sockets }, { 'x-aerostack-key': apiKey })).dropped;
  }

  async clearFaults(): Promise<void> {
    await this.request('DELETE', '/faults');
  }
}

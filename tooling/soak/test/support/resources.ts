// What the process holds open: every client TCP socket since the soak began (through the
// `net.client.socket` diagnostics channel, which sees sockets whether or not they are ref'd: idle
// keep-alive sockets are unref'd by both transports, so `process.getActiveResourcesInfo()` does not
// list them), and snapshots of the active resources by type.
import dc from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { controlSockets } from './control';

export type SocketOwner = 'node' | 'fetch' | 'control';

export interface SocketRecord {
  socket: Socket;
  opened: number;
  remotePort: number | undefined;
  closed: number | undefined;
}

/** node:http sockets carry `_httpMessage` (the agent's request slot); undici's (the global fetch) do not. */
export function ownerOf(socket: Socket): SocketOwner {
  if (controlSockets.has(socket)) return 'control';
  return '_httpMessage' in socket ? 'node' : 'fetch';
}

export class SocketTracker {
  readonly records: SocketRecord[] = [];
  readonly #onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    const record: SocketRecord = { socket, opened: Date.now(), remotePort: undefined, closed: undefined };
    this.records.push(record);
    socket.once('connect', () => (record.remotePort = socket.remotePort));
    socket.once('close', () => (record.closed = Date.now()));
  };

  start(): void {
    dc.subscribe('net.client.socket', this.#onSocket);
  }

  stop(): void {
    dc.unsubscribe('net.client.socket', this.#onSocket);
  }

  /** Sockets to these ports (the emulator's), by owner. */
  to(ports: number[]): (SocketRecord & { owner: SocketOwner })[] {
    return this.records.filter((r) => r.remotePort !== undefined && ports.includes(r.remotePort)).map((r) => ({ ...r, owner: ownerOf(r.socket) }));
  }

  others(ports: number[]): SocketRecord[] {
    return this.records.filter((r) => r.remotePort === undefined || !ports.includes(r.remotePort));
  }
}

/** Active resources (ref'd handles and requests) by type: `{ Timeout: 3, TCPSocketWrap: 1, ... }`. */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** The types that grew since `base`, with how many more. */
export function grownSince(base: Record<string, number>, now = activeResources()): Record<string, number> {
  const grown: Record<string, number> = {};
  for (const [type, n] of Object.entries(now)) if (n > (base[type] ?? 0)) grown[type] = n - (base[type] ?? 0);
  return grown;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done()` or `ms` pass; true when done. */
export async function waitFor(done: () => boolean, ms: number, step = 50): Promise<boolean> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() >= until) return false;
    await sleep(step);
  }
  return true;
}

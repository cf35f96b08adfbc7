import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

// One pool of keep-alive connections per protocol, shared by every request of every client. An
// idle connection is closed after 4 s, or 1 s before the server's `Keep-Alive: timeout=` if that
// comes sooner (Node's agent reads the header itself; undici does the same), so a reused
// connection is rarely one the server has just dropped; when it is, stale-socket.ts sends the
// request again. The timeout only closes idle connections: a quiet stream in progress is left alone.
const options = { keepAlive: true, scheduling: 'lifo', timeout: 4_000 } as const;

export const httpAgent = new HttpAgent(options);
export const httpsAgent = new HttpsAgent(options);

// Requests that must not meet a server's idle close: streamed bodies (they can be sent only once)
// and requests sent again after a pooled connection was closed under them (stale-socket.ts). No
// connection is kept idle here: one is reused only by a request already waiting for it, at once.
// At most 16 per origin (the AWS SDK's Node handler caps every request at 50): a burst waits in
// the client, with no deadline, rather than unread on a busy server, where workerd closes a new
// connection whose request it has not read within 15 s, and a reused one within 5 s of its last
// answer. 200 concurrent 1 MiB uploads to the emulator on a loaded machine met both; 16 at a time
// met neither (50 still did).
const fresh = { keepAlive: false, maxSockets: 16 } as const;

export const freshHttpAgent = new HttpAgent(fresh);
export const freshHttpsAgent = new HttpsAgent(fresh);

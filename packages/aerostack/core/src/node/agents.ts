import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

// One pool of keep-alive connections per protocol, shared by every request of every client. An
// idle connection is closed after 4 s, or 1 s before the server's `Keep-Alive: timeout=` if that
// comes sooner (undici's default too), so a reused connection is rarely one the server has just
// dropped. The timeout only closes idle connections: a quiet stream in progress is left alone.
const options = { keepAlive: true, scheduling: 'lifo', timeout: 4_000 } as const;

export const httpAgent = new HttpAgent(options);
export const httpsAgent = new HttpsAgent(options);

// The entry point the `node` export condition selects: everything the main entry exports, with the
// node:http transport installed as the default, and the server defaults (logging on, a printed
// client showing no credentials: src/server-defaults.ts). The build puts the modules the entries
// share in one chunk, so an app that loads two of them still has one copy of every class (README,
// Transports).

import { installServerDefaults } from '../server-defaults';
import { installTransport } from '../transport';
import { nodeFetch } from './fetch';
import { withSlots } from './request-slots';
import { fetchSendingAgain } from './stale-socket';

export * from '../index';

// Bun and Deno match `node` too (Deno when the package is required), but their fetch is native and
// their node:http is built on it: there fetch stays the default, and `transport: 'node'` still works.
const nodeByDefault = !('Bun' in globalThis || 'Deno' in globalThis);

// On Node itself both transports queue requests per origin (request-slots.ts), and fetch sends a
// request the server hung up on unanswered once more where that is safe (stale-socket.ts).
const nodeTransport = withSlots(() => nodeFetch);
const fetchTransport = withSlots(() => fetchSendingAgain);
installTransport(({ transport }) =>
  (transport ?? (nodeByDefault ? 'node' : 'fetch')) === 'node' ? nodeTransport : nodeByDefault ? fetchTransport : undefined,
);

installServerDefaults();

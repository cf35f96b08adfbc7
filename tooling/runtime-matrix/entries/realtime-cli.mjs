// @ts-check
// The realtime smoke program as a command, for Node, Bun and Deno:
//   <runtime> entries/realtime-cli.mjs '<realtime target as JSON>'
// With `"webSocket": "ws"` in the target (Node 20) the `ws` package's class is passed as the
// `WebSocket` option; otherwise the runtime's global WebSocket is used. Prints one line of JSON:
// { version, report }. The process must then end by itself: a socket or timer left open by
// `close()` would keep it alive (and the harness kills it after its hang guard, a failure).
import { realtimeSmoke } from '../realtime-smoke.mjs';

/** @type {{ Deno?: { args: string[], version: { deno: string } }, Bun?: { version: string }, process?: { argv: string[], version: string } }} */
const g = /** @type {never} */ (globalThis);
const argument = g.Deno ? g.Deno.args[0] : g.process?.argv[2];
if (!argument) throw new Error('usage: entries/realtime-cli.mjs <realtime target as JSON>');
const version = g.Deno ? `deno ${g.Deno.version.deno}` : g.Bun ? `bun ${g.Bun.version}` : `node ${g.process?.version ?? '?'}`;
const parsed = /** @type {unknown} */ (JSON.parse(argument));
const target = /** @type {import('../lib/types').RealtimeTarget} */ (parsed);
const options = target.webSocket === 'ws' ? { WebSocket: (await import('ws')).WebSocket, webSocketName: 'ws 8 (the WebSocket option)' } : {};
const report = await realtimeSmoke(target, options);
console.log(JSON.stringify({ version, report }));

// @ts-check
// The smoke program as a command, for the runtimes that run files: Node, Bun and Deno.
//   <runtime> entries/cli.mjs '<target as JSON>'
// Prints one line of JSON: { version, report }. Exit code 0 either way: the report says what failed.
import { smoke } from '../smoke.mjs';

/** @type {{ Deno?: { args: string[], version: { deno: string } }, Bun?: { version: string }, process?: { argv: string[], version: string } }} */
const g = /** @type {never} */ (globalThis);
const argument = g.Deno ? g.Deno.args[0] : g.process?.argv[2];
if (!argument) throw new Error('usage: entries/cli.mjs <target as JSON>');
const version = g.Deno ? `deno ${g.Deno.version.deno}` : g.Bun ? `bun ${g.Bun.version}` : `node ${g.process?.version ?? '?'}`;
const target = /** @type {unknown} */ (JSON.parse(argument));
const report = await smoke(/** @type {import('../lib/types').Target} */ (target));
console.log(JSON.stringify({ version, report }));

// Smarter's journaled envelope, per generation:
//   v0.13 {data?, message?, api, thing, metadata: {command, key}}
//   v0.14 {data?, message?, api, metadata: {command, thing, key}}
// The platform sends either `{command[, thing]}` or, with journaling on, `{key}` alone; the emulator
// sends both (EnvelopeMetadata allows it), so the SDK gets a request id (the journal key) and tests
// can still read the command. The SDK tells the generation by a top-level `thing`.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Generation, SmarterAppEnv } from './env';
import { isV13 } from './generation';

export type Json = Record<string, unknown>;

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A new 64-hex key (journal keys, session keys). */
export const newHexKey = (): string => hex(crypto.getRandomValues(new Uint8Array(32)));

/** The envelope fields other than `data` and `message`: `api`, `thing` (v0.13) and `metadata`. */
export function envelopeBase(generation: Generation, thing: string, command: string): Json {
  const key = newHexKey();
  return isV13(generation) ? { api: 'smarter.sh/v1', thing, metadata: { command, key } } : { api: 'smarter.sh/v1', metadata: { command, thing, key } };
}

export interface Success {
  thing: string;
  command: string;
  /** Left out of the body when undefined (delete, deploy, undeploy). */
  data?: unknown;
  message?: string | undefined;
}

export function envelope(generation: Generation, s: Success): Json {
  return {
    ...(s.data !== undefined && { data: s.data }),
    ...(s.message !== undefined && { message: s.message }),
    ...envelopeBase(generation, s.thing, s.command),
  };
}

export function ok(c: Context<SmarterAppEnv>, s: Success, status: ContentfulStatusCode = 200): Response {
  return c.json(envelope(c.get('generation'), s), status);
}

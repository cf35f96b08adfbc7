// The platform's journaled error: `{error: {errorClass, description, status, stacktrace, args, cause,
// context[, thing, command]}, api, thing? | metadata}` (status a string in v0.13, an integer in
// v0.14). Thrown anywhere as a SmarterError; `onError` answers it in the request's generation.
// Other shapes the platform uses on some routes (DRF `{detail}`, `{message}`, `{error}`) are
// answered directly by those routes.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Generation, SmarterAppEnv } from './env';
import { envelopeBase, type Json } from './envelope';
import { isV13 } from './generation';
import { connectionLost } from '../worker/errors';

export class SmarterError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly errorClass: string,
    message: string,
    /** The kind (`thing`) and the command the failure is about, for `context`. */
    readonly thing = 'None',
    readonly command = 'None',
  ) {
    super(message);
  }
}

/** 400: a broker or validation error (invalid manifest, bad field). */
export const badRequest = (message: string, thing?: string, command?: string) => new SmarterError(400, 'SAMValidationError', message, thing, command);
/** 503: describe/delete/deploy/undeploy of a name that does not exist (the platform's "not ready"). */
export const notReady = (message: string, thing: string, command: string) => new SmarterError(503, 'SAMBrokerErrorNotReady', message, thing, command);
/** 501: the command is not implemented for the kind. */
export const notImplemented = (thing: string, command: string) => new SmarterError(501, 'SAMBrokerErrorNotImplemented', `${command} is not implemented for ${thing}`, thing, command);

export function errorBody(generation: Generation, error: SmarterError, url: string): Json {
  const v13 = isV13(generation);
  // The platform prefixes 4xx/5xx descriptions with the exception type; clients show the first line.
  const description = `${error.errorClass}: ${error.message}`;
  return {
    error: {
      errorClass: error.errorClass,
      description,
      status: v13 ? String(error.status) : error.status,
      stacktrace: '',
      args: `url=${url}`,
      cause: 'Python Exception',
      context: `thing=${error.thing}, command=${error.command}`,
      ...(!v13 && { thing: error.thing, command: error.command }),
    },
    ...envelopeBase(generation, error.thing, error.command),
  };
}

export function onError(error: Error, c: Context<SmarterAppEnv>): Response {
  // Unset when the failure came before the generation middleware (the schema).
  const generation = (c.get('generation') as Generation | undefined) ?? c.env.GENERATION;
  if (error instanceof SmarterError) return c.json(errorBody(generation, error, c.req.url), error.status);
  const lost = connectionLost(error, c, 'smarter emulator');
  if (lost) return lost;
  console.error('smarter emulator: unexpected error', error);
  return c.json(errorBody(generation, new SmarterError(500, 'SmarterInternalError', 'Internal server error (emulator)'), c.req.url), 500);
}

/**
 * A URL no route serves (including the other generation's routes): Django's plain 404 page, as the
 * platform sends for a path missing from its URLconf.
 */
export function notFound(): Response {
  const page = '<!doctype html>\n<html lang="en"><head><title>Not Found</title></head><body><h1>Not Found</h1><p>The requested resource was not found on this server.</p></body></html>\n';
  return new Response(page, { status: 404, headers: { 'content-type': 'text/html; charset=UTF-8' } });
}

/** DRF's answer to a method a route does not take (sent after authentication). */
export function methodNotAllowed(c: Context): Response {
  return c.json({ detail: `Method "${c.req.method}" not allowed.` }, 405);
}

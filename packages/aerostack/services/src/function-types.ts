import type { AuthFunction, RequestOptions } from '@aerostack/core';

/** The methods a custom function answers (§22 of the platform reference). */
export type FunctionMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a call to a function of an untyped project sends and gets: any slug, `unknown` both ways.
 * Give your own schema instead (the official client's generated `customApis`):
 * `interface MyApis { 'send-invoice': { params: { orderId: string }; response: { invoiceId: string } } }`.
 */
export type UntypedFunctions = Record<string, { params: unknown; response: unknown }>;

/** The slugs of a schema. */
export type SlugOf<S> = keyof S & string;
/** What a function takes (`params`); `unknown` when the schema does not say. */
export type ParamsOf<S, K extends SlugOf<S>> = S[K] extends { params: infer P } ? P : unknown;
/** What a function answers (`response`); `unknown` when the schema does not say. */
export type ResponseOf<S, K extends SlugOf<S>> = S[K] extends { response: infer R } ? R : unknown;

/** The per-call options, plus how to call the function. */
export interface CallOptions extends RequestOptions {
  /** Default `'POST'`. GET sends `data` as query parameters (fetch sends no body with a GET); the others as a JSON body. */
  method?: FunctionMethod | undefined;
  /** Sent as `X-Project-Id` (or set it once in the client's `headers`). */
  projectId?: string | undefined;
  /**
   * The end user's credential, added to the API key's header on every attempt: `{ auth: session.auth }`
   * with an `@aerostack/auth` session sends `Authorization: Bearer <accessToken>`. With it, the key is
   * sent when the client has one and not required.
   */
  auth?: AuthFunction | undefined;
}

/** `data` may be left out when the function's params accept `undefined` (untyped ones do). */
export type CallArgs<P> = undefined extends P ? [data?: P, options?: CallOptions] : [data: P, options?: CallOptions];

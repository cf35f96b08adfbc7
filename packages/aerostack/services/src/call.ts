import { invalidInput, path, request } from '@aerostack/core';
import type { APIPromise, AuthFunction, Client, QueryValue, RequestSpec } from '@aerostack/core';
import type { CallArgs, ParamsOf, ResponseOf, SlugOf, UntypedFunctions } from './function-types';

const METHODS = /^(GET|POST|PUT|PATCH|DELETE)$/;

const text = (value: unknown) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : (value as string));

/**
 * GET has no body (fetch refuses one): `data`'s fields become query parameters, an array as a
 * repeated key, an object as its JSON text; null and undefined fields are left out.
 */
function toQuery(data: unknown): Record<string, QueryValue> | undefined {
  if (data == null) return undefined;
  if (typeof data !== 'object' || Array.isArray(data)) invalidInput('data: an object of query parameters for GET (or use another method)', 'data');
  const query: Record<string, QueryValue> = {};
  for (const [name, value] of Object.entries(data)) query[name] = Array.isArray(value) ? value.map(text) : text(value);
  return query;
}

/**
 * The key's header as the client sends it (its `auth` option, else the platform's `X-Aerostack-Key`),
 * then the user's: §22 sends both. No key is no error here: a user token may be all a browser app has.
 */
function withUser(client: Client, user: AuthFunction): AuthFunction {
  return async (apiKey) => {
    const scheme = client.options.auth ?? { header: 'x-aerostack-key' };
    if (apiKey && !/^[!-~]+$/.test(apiKey)) invalidInput('API key with whitespace: pass { apiKey } without spaces or line breaks', 'apiKey');
    const key = typeof scheme === 'function' ? await scheme(apiKey) : !apiKey ? {} : 'header' in scheme ? { [scheme.header]: apiKey } : { authorization: `${scheme.scheme} ${apiKey}` };
    return { ...key, ...(await user(apiKey)) };
  };
}

/**
 * Calls one of the project's custom functions: `{method} /custom/{slug}` with `data`, resolving to
 * what the function answers. Typed per slug by your schema:
 * `call<MyApis, 'send-invoice'>(client, 'send-invoice', { orderId })` (or `new Functions<MyApis>(client).call(...)`,
 * which infers the slug); untyped, `data` and the answer are `unknown`.
 */
export function call<S = UntypedFunctions, K extends SlugOf<S> = SlugOf<S>>(client: Client, slug: K, ...[data, options = {}]: CallArgs<ParamsOf<S, K>>): APIPromise<ResponseOf<S, K>> {
  const { method = 'POST', projectId, auth, ...rest } = options;
  const spec: RequestSpec = {
    method,
    path: typeof slug === 'string' ? path`/custom/${slug}` : '/custom/',
    check() {
      if (typeof slug !== 'string' || !slug) invalidInput('slug: the function\'s slug, a non-empty string', 'slug');
      if (typeof method !== 'string' || !METHODS.test(method)) invalidInput(`method: one of GET, POST, PUT, PATCH, DELETE (got ${method})`, 'method');
      // Here rather than above, so that bad data rejects the call's promise like every other check
      // (the core runs `check` before it builds the URL from `spec.query`).
      if (method === 'GET') spec.query = toQuery(data);
    },
    ...(method !== 'GET' && { body: data }),
    ...(auth && { auth: withUser(client, auth) }),
  };
  // §22's headers: a fresh request id per call (yours wins), the function's slug, the project id when given.
  const headers = { 'x-request-id': crypto.randomUUID(), ...rest.headers, 'x-aerostack-function': slug, ...(projectId !== undefined && { 'x-project-id': projectId }) };
  return request(client, spec, { ...rest, headers });
}

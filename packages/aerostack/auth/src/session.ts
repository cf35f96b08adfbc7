import { request,
  APIConnectionError,
  APIError,
  APIPromise,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  InvalidRequestError,
  RateLimitError,
  type AuthFunction,
  type Client,
  type RequestOptions,
  type RequestSpec,
} from '@aerostack/core';
import { refreshToken } from './refresh-token';
import { memoryStore, type TokenStore } from './token-store';

export interface SessionTokens {
  accessToken: string;
  refreshToken?: string | undefined;
}

export interface SessionOptions {
  /** Any Aerostack client; its API key is never sent on the user's behalf. */
  client: Client;
  projectSlug: string;
  /** Where the tokens live. Default: in memory. */
  storage?: TokenStore | undefined;
}

/** A failure that says nothing about the refresh token: the network or the server, not the session. */
function isTransient(error: unknown): boolean {
  return error instanceof APIConnectionError || error instanceof APIUserAbortError || error instanceof InternalServerError || error instanceof RateLimitError;
}

function sessionExpired(cause: unknown): AuthenticationError {
  if (cause instanceof AuthenticationError) return cause;
  const api = cause instanceof APIError ? cause : undefined;
  const reason = cause instanceof Error ? cause.message : 'there is no refresh token';
  return new AuthenticationError(`Session expired and could not be refreshed (${reason}): sign in again`, {
    status: api?.status ?? 401,
    code: api?.code ?? 'AUTH_TOKEN_EXPIRED',
    details: api?.details,
    requestId: api?.requestId,
    headers: api?.headers,
    body: api?.body,
    cause,
  });
}

/**
 * Holds an end user's access and refresh tokens and signs calls with them. When a call is
 * refused with 401, the session refreshes the tokens once (concurrent calls share that one
 * refresh) and repeats the call once. A refresh the server refuses clears the session and
 * throws `AuthenticationError`; a network failure or a 5xx during the refresh keeps the tokens.
 */
export class Session {
  readonly client: Client;
  readonly projectSlug: string;
  readonly #store: TokenStore;
  readonly #accessKey: string;
  readonly #refreshKey: string;
  #refreshing: Promise<SessionTokens> | undefined;

  constructor(options: SessionOptions) {
    this.client = options.client;
    this.projectSlug = options.projectSlug;
    this.#store = options.storage ?? memoryStore();
    // Namespaced, so one shared store (localStorage) can hold sessions of several projects.
    this.#accessKey = `aerostack:${options.projectSlug}:accessToken`;
    this.#refreshKey = `aerostack:${options.projectSlug}:refreshToken`;
  }

  /** The stored tokens, or undefined when nobody is signed in. */
  async getTokens(): Promise<SessionTokens | undefined> {
    const accessToken = await this.#store.get(this.#accessKey);
    if (!accessToken) return undefined;
    return { accessToken, refreshToken: (await this.#store.get(this.#refreshKey)) ?? undefined };
  }

  /** Replaces both tokens (a missing refresh token is removed). */
  async setTokens(tokens: SessionTokens): Promise<void> {
    await this.#store.set(this.#accessKey, tokens.accessToken);
    if (tokens.refreshToken) await this.#store.set(this.#refreshKey, tokens.refreshToken);
    else await this.#store.delete(this.#refreshKey);
  }

  /** Forgets both tokens. */
  async clear(): Promise<void> {
    await this.#store.delete(this.#accessKey);
    await this.#store.delete(this.#refreshKey);
  }

  /** `{ authorization: 'Bearer <accessToken>' }`, for a call made some other way. */
  async authHeaders(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.#accessToken()}` };
  }

  /** The same headers as a request-spec `auth` function: `request(client, { ..., auth: session.auth })`. */
  readonly auth: AuthFunction = () => this.authHeaders();

  /** Refreshes the tokens now. While one refresh is in flight, every caller shares it. */
  refresh(options?: RequestOptions): Promise<SessionTokens> {
    return this.#refreshOnce(undefined, options, undefined);
  }

  /**
   * Runs `call` with the access token; if it fails with 401, refreshes once and runs it again
   * with the new token. A second 401 is thrown as is: there is no loop.
   */
  async withToken<T>(call: (accessToken: string) => PromiseLike<T>): Promise<T> {
    const token = await this.#accessToken();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      const fresh = await this.#refreshOnce(token, undefined, error);
      return call(fresh.accessToken);
    }
  }

  /** Any call as the signed-in user (`Authorization: Bearer`, no API key), with the refresh-once rule. */
  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
    return new APIPromise(this.withToken((token) => request<T>(this.client, { ...spec, auth: () => ({ authorization: `Bearer ${token}` }) }, options).withResponse()));
  }

  async #accessToken(): Promise<string> {
    const tokens = await this.getTokens();
    if (!tokens) throw new InvalidRequestError('Not signed in: log in first, or give the session tokens with setTokens()', { code: 'NOT_SIGNED_IN' });
    return tokens.accessToken;
  }

  // `stale`: the token a call was refused with (`refused`: that refusal). If the stored token
  // differs, someone else has refreshed meanwhile and there is nothing to do; if there is none,
  // someone else's refresh failed and the refusal stands.
  #refreshOnce(stale: string | undefined, options: RequestOptions | undefined, refused: AuthenticationError | undefined): Promise<SessionTokens> {
    this.#refreshing ??= this.#refresh(stale, options, refused).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(stale: string | undefined, options: RequestOptions | undefined, refused: AuthenticationError | undefined): Promise<SessionTokens> {
    const tokens = await this.getTokens();
    if (!tokens) throw refused ?? new InvalidRequestError('Not signed in: there is no session to refresh', { code: 'NOT_SIGNED_IN' });
    if (stale !== undefined && tokens.accessToken !== stale) return tokens;
    let fresh: SessionTokens | undefined;
    let failure: unknown;
    if (tokens.refreshToken) {
      try {
        const result = await refreshToken(this.client, this.projectSlug, { refreshToken: tokens.refreshToken }, options);
        if (result.accessToken) fresh = { accessToken: result.accessToken, refreshToken: result.refreshToken ?? tokens.refreshToken };
        else failure = new Error(result.error ?? 'the answer had no access token');
      } catch (error) {
        if (isTransient(error)) throw error;
        failure = error;
      }
    }
    if (!fresh) {
      await this.clear();
      throw sessionExpired(failure);
    }
    await this.setTokens(fresh);
    return fresh;
  }
}

/** A token holder for one project: `createSession({ client, projectSlug, storage })`. */
export function createSession(options: SessionOptions): Session {
  return new Session(options);
}

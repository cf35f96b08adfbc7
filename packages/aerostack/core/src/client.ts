import { APIPromise } from './api-promise';
import { connect, type Send } from './connect';
import type { ClientOptions, Preset, QueryValue, RequestOptions, RequestSpec } from './types';

/**
 * A configured connection to one platform. Operations are functions that take a client:
 * `get(client, { key })`. Platform presets subclass it (`new AerostackClient({ apiKey })`).
 */
export class Client {
  // `declare`d, so the build emits no field definitions ahead of the constructor's assignments.
  declare readonly options: Readonly<ClientOptions>;
  /** The base URL every path is appended to, as resolved from the options and the environment. */
  declare readonly baseURL: string;
  /** @internal The platform; not part of the stable API. */
  declare readonly _preset: Preset;
  /** @internal Sends one call with the resolved settings; not part of the stable API. */
  declare readonly _send: Send;
  constructor(options: ClientOptions, preset: Preset) {
    // `apiKey` and `headers` (where credentials go) stay readable, from the options as given, which
    // are the prototype of the ones shown: JSON.stringify, util.inspect, spreads and Object.entries
    // of the client or its options see own properties only, so never them. (Cheaper in a bundle
    // than a private field and a property descriptor for each.)
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- taken out of `shown`, read from the prototype
    const { apiKey, headers, ...shown } = options;
    this.options = Object.setPrototypeOf(shown, options) as ClientOptions;
    this._preset = preset;
    [(this as { baseURL: string }).baseURL, (this as { _send: Send })._send] = connect(preset, options);
  }

  /** A client with some defaults changed; this one is left as it is. */
  withOptions(options: ClientOptions): this {
    return new (this.constructor as new (o: ClientOptions, p: Preset) => this)(
      { ...(Object.getPrototypeOf(this.options) as ClientOptions), ...options, headers: { ...this.options.headers, ...options.headers } },
      this._preset,
    );
  }

  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
    return new APIPromise(this._send<T>(spec, options));
  }

  get<T>(path: string, query?: Record<string, QueryValue>, options?: RequestOptions): APIPromise<T> {
    return this.request<T>({ method: 'GET', path, query }, options);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): APIPromise<T> {
    return this.request<T>({ method: 'POST', path, body }, options);
  }
}

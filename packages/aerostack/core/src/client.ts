import { readEnv } from './env';
import { InvalidRequestError } from './errors';
import type { ClientOptions, Preset } from './types';

/**
 * A configured connection to one platform: its resolved base URL, key and options, and nothing
 * that sends. Operations are functions that take a client and send with `request(client, spec)`
 * (src/request.ts), which builds the sending pipeline on the first call: a bundle that only
 * constructs a client (a realtime connection, a URL for a link) carries none of it.
 * Platform presets subclass it (`new AerostackClient({ apiKey })`).
 */
export class Client {
  // `declare`d, so the build emits no field definitions ahead of the constructor's assignments.
  declare readonly options: Readonly<ClientOptions>;
  /** The base URL every path is appended to, as resolved from the options and the environment. */
  declare readonly baseURL: string;
  /** @internal The platform; not part of the stable API. */
  declare readonly _preset: Preset;
  constructor(options: ClientOptions, preset: Preset) {
    const env = (name: string) => readEnv(preset.env && `${preset.env}_${name}`);
    // Base URL precedence: baseURL option, environment option, the base-URL variable, the environment variable, the default.
    const name = options.environment ?? (env('BASE_URL') ? undefined : env('ENVIRONMENT'));
    const baseURL: string | undefined = options.baseURL || (name === undefined ? (env('BASE_URL') ?? preset.baseURL) : preset.environments?.[name]);
    // An unknown environment, or a mistyped base URL, fails here, once, rather than as connection
    // errors after retries. A query or a fragment would land in the middle of every request's URL.
    // A pattern, not a parse (`new URL` in a try costs every bundle ~10 B more): http(s)://, then
    // no space, `?` or `#`. (No base URL at all, from an unknown environment, is no match either.)
    if (!/^https?:\/\/[^\s?#]+$/i.test(baseURL as string)) {
      throw new InvalidRequestError(
        baseURL ? `Invalid baseURL "${baseURL}": an http(s) URL with no ?query or #fragment` : `Unknown environment "${name}" (known: ${Object.keys(preset.environments ?? {}).join(', ')})`,
        { code: 'INVALID_OPTION' },
      );
    }
    // `apiKey` (resolved: the option, else the platform's variable) and `headers` (where credentials
    // go) stay readable, from the options as given, which are the prototype of the ones shown:
    // JSON.stringify, util.inspect, spreads and Object.entries of the client or its options see own
    // properties only, so never them. (Cheaper in a bundle than a private field and a property
    // descriptor for each.)
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- taken out of `shown`, read from the prototype
    const { apiKey, headers, ...shown } = options;
    this.options = Object.setPrototypeOf(shown, { ...options, apiKey: apiKey ?? env('API_KEY') }) as ClientOptions;
    this._preset = preset;
    this.baseURL = baseURL as string;
  }

  /** A client with some defaults changed; this one is left as it is. */
  withOptions(options: ClientOptions): this {
    return new (this.constructor as new (o: ClientOptions, p: Preset) => this)(
      { ...(Object.getPrototypeOf(this.options) as ClientOptions), ...options, headers: { ...this.options.headers, ...options.headers } },
      this._preset,
    );
  }
}

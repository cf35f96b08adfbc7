// What printing a client shows on a server, where printed objects end up in log files: its base
// URL and options with the API key and credential headers replaced by `***` — through
// `util.inspect` (`console.log(client)` on Node, Bun and Deno) and through `JSON.stringify`.
// Installed by the server entries only; a browser's console shows the object as it is.

import { Client } from './client';
import { keyHeaderOf, redactHeaders, scrubber } from './logger';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

type Inspect = (value: unknown, options?: unknown) => string;

/** A client's settings as they may be shown. */
function printable(client: Client): { baseURL: string; options: Record<string, unknown> } {
  const { apiKey, headers, ...rest } = client.options;
  return {
    baseURL: client.baseURL,
    options: {
      ...rest,
      ...(apiKey !== undefined && { apiKey: '***' }),
      ...(headers && { headers: redactHeaders(headers, keyHeaderOf(client.options, client._preset), scrubber(apiKey)) }),
    },
  };
}

export function hideCredentialsWhenPrinted(): void {
  Object.defineProperties(Client.prototype, {
    [INSPECT]: {
      configurable: true,
      value(this: Client, _depth: number, options: unknown, inspect?: Inspect) {
        const shown = printable(this);
        // Node passes its own inspect (so nesting and colours follow the caller's options).
        return typeof inspect === 'function' ? `${this.constructor.name} ${inspect(shown, options)}` : shown;
      },
    },
    toJSON: {
      configurable: true,
      value(this: Client) {
        return printable(this);
      },
    },
  });
}

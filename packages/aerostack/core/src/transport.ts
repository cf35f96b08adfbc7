// How a client picks its transport when it is not given `fetch`. Nothing is installed in browsers
// and on edge runtimes, so requests go through the global `fetch`; the entry point that the `node`
// export condition selects installs a chooser that picks node:http (src/node/index.ts).

import type { ClientOptions } from './types';

/** What a transport is: the part of `fetch` the core uses. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Picks a client's transport from its options; undefined: the global `fetch`, looked up per call. */
export type TransportChooser = (options: ClientOptions) => FetchLike | undefined;

export let chooseTransport: TransportChooser | undefined;

export function installTransport(chooser: TransportChooser): void {
  chooseTransport = chooser;
}

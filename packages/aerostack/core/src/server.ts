// The entry point the `bun` and `deno` export conditions select: everything the main entry exports,
// with logging on, as on Node. Their native fetch stays the transport. (The main entry leaves
// logging out, for the browser and edge bundles it ends up in: src/logging.ts.)

import { enableLogging } from './logging';

export * from './index';

enableLogging();

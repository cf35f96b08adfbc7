// The entry point the `bun` and `deno` export conditions select: everything the main entry exports,
// with logging on and a printed client showing no credentials, as on Node. Their native fetch stays
// the transport. (The main entry leaves both out, for the browser and edge bundles it ends up in.)

import { installServerDefaults } from './server-defaults';

export * from './index';

installServerDefaults();

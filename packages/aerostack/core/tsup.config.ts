// Three entry points: the main one (web standards only, no logging: browsers and edge runtimes),
// the one the `node` export condition selects (the main one plus the node:http transport and
// logging, src/node) and the one `bun` and `deno` select (the main one plus logging, src/server.ts).
// Code splitting puts the modules they share in one chunk, for ESM and CJS alike, so there is one
// copy of every class. All share the main entry's type declarations.
import { packageConfig } from '@aerostack-internal/config/tsup';

const config = packageConfig({ entry: { index: 'src/index.ts', node: 'src/node/index.ts', server: 'src/server.ts' } });

// Node built-ins stay imports, `node:` prefix and all (Deno needs it; it marks Node-only code plainly).
export default { ...config, dts: { entry: { index: 'src/index.ts' } }, removeNodeProtocol: false, external: [/^node:/] };

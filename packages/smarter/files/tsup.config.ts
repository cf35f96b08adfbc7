import { packageConfig } from '@aerostack-internal/config/tsup';

// Two entries: the edge-safe default, and `@smarter/files/node`, which may read files from disk.
export default packageConfig({ entry: ['src/index.ts', 'src/node.ts'] });

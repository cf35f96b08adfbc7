import { packageConfig } from '@aerostack-internal/config/tsup';

// Two entries: the operations, and `@aerostack/collections/realtime` (subscribe), so that a bundle
// that only lists or writes items carries no realtime code.
export default packageConfig({ entry: ['src/index.ts', 'src/realtime.ts'] });

// The shared, type-aware rules (no lint script: run `pnpm exec eslint .` here).
import base from '@aerostack-internal/config/eslint';

export default [...base, { ignores: ['.vitest/**'] }];

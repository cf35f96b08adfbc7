// The shared, type-aware rules. The harness is JavaScript with JSDoc types (checked by tsconfig.json);
// it drives runtimes from Node, so Node built-ins are fine everywhere here (the shared config bans
// them in src/ only, and there is no src/).
import base from '@aerostack-internal/config/eslint';

export default [...base, { ignores: ['artifacts/**', '.vitest/**'] }];

// The shared, type-aware rules; the fixtures are checked by the matrix itself, in the scratch app.
import base from '@aerostack-internal/config/eslint';

export default [...base, { ignores: ['.vitest/**', 'fixtures/**'] }];

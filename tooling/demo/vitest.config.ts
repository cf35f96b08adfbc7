import base from '@aerostack-internal/config/vitest';

export default base;

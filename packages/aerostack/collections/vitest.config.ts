export { default } from '@aerostack-internal/config/vitest';

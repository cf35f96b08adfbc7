export { default } from '@aerostack-internal/config/eslint';

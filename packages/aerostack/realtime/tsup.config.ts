export { default } from '@aerostack-internal/config/tsup';

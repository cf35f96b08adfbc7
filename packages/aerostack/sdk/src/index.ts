export { VERSION } from './version';
export { Aerostack } from './aerostack';
// One import for the client, the errors and the helpers too.
export * from '@aerostack/core';

export { VERSION } from './version';
export { SmarterClient, smarterPreset, type Generation, type SmarterClientConstructor, type SmarterClientOptions } from './preset';
export { isEnvelope, journalKey, parseError, unwrap } from './envelope';
export { chatbotKind, chatConfigRoute, chatRoute, exampleManifestRoute, routesFor, schemaRoute, type Routes } from './routes';
// One import for the error classes and helpers of the core the Smarter packages stand on.
export * from '@aerostack/core';

export { VERSION } from './version';
export { apply, type ApplyResult } from './apply';
export { get, type GetParams, type GetResult } from './get';
export { describe, type DescribeParams } from './describe';
export { remove, type RemoveParams } from './remove';
export { deploy, type DeployParams } from './deploy';
export { undeploy, type UndeployParams } from './undeploy';
export { logs, type LogsParams, type LogsResult } from './logs';
export { exampleManifest, type KindParams } from './example-manifest';
export { jsonSchema, type JsonSchemaResult } from './json-schema';
export { whoami, type WhoamiResult } from './whoami';
export { status, type StatusResult } from './status';
export { version, type VersionResult } from './server-version';
export { kindFor } from './kinds';
export { toYAML } from './yaml';
export { Resources } from './resources';
export type {
  Manifest,
  ManifestMetadata,
  ManifestOf,
  Kind,
  KnownKind,
  ChatbotManifest,
  PluginManifest,
  ApiPluginManifest,
  SqlPluginManifest,
  SqlConnectionManifest,
  ApiConnectionManifest,
  SecretManifest,
  ProviderManifest,
  AccountManifest,
  UserManifest,
  SmarterAuthTokenManifest,
} from './manifests';
export type { Body, Data, Result, Schemas } from './spec';

// The operations and schemas of specs/smarter.yaml this package uses, named one by one: tsup inlines
// what they reach into the published .d.ts and nothing else (flat declarations, one per schema and
// operation: tooling/spec-types/flatten.mjs). A function that needs another operation adds it here
// (`Body<'x'>` does not compile until then). Relative imports on purpose: users never need the private package.
import type { BodyOf, DataOf, ResultOf } from '../../../../tooling/spec-types/src/helpers';
import type { AccountManifest, ApiConnectionManifest, ApiPluginManifest, ChatbotManifest, cliApply, cliGet, cliLogs, cliSchema, cliStatus, cliVersion, cliWhoami, Manifest, ManifestMetadata, PluginManifest, ProviderManifest, SecretManifest, SmarterAuthTokenManifest, SqlConnectionManifest, SqlPluginManifest, UserManifest } from '../../../../tooling/spec-types/src/generated/smarter.flat';

interface Operations {
  cliApply: cliApply;
  cliGet: cliGet;
  cliLogs: cliLogs;
  cliSchema: cliSchema;
  cliStatus: cliStatus;
  cliVersion: cliVersion;
  cliWhoami: cliWhoami;
}

/** The schemas this package's types name directly (each with what it refers to). */
export interface Schemas {
  AccountManifest: AccountManifest;
  ApiConnectionManifest: ApiConnectionManifest;
  ApiPluginManifest: ApiPluginManifest;
  ChatbotManifest: ChatbotManifest;
  Manifest: Manifest;
  ManifestMetadata: ManifestMetadata;
  PluginManifest: PluginManifest;
  ProviderManifest: ProviderManifest;
  SecretManifest: SecretManifest;
  SmarterAuthTokenManifest: SmarterAuthTokenManifest;
  SqlConnectionManifest: SqlConnectionManifest;
  SqlPluginManifest: SqlPluginManifest;
  UserManifest: UserManifest;
}

/** The JSON request body of an operation. */
export type Body<Op extends keyof Operations> = BodyOf<Operations, Op>;
/** The JSON body of an operation's success response (200 or 201), as sent (envelope included). */
export type Result<Op extends keyof Operations> = ResultOf<Operations, Op>;
/** What a call resolves to: the envelope's `data` when there is an envelope, else the body. */
export type Data<Op extends keyof Operations> = DataOf<Operations, Op>;

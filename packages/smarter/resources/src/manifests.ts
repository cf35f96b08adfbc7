import type { Schemas } from './spec';

/** A Smarter API Manifest (SAM) of any kind: `{ apiVersion, kind, metadata, spec, status? }`. */
export type Manifest = Schemas['Manifest'];
export type ManifestMetadata = Schemas['ManifestMetadata'];
export type ChatbotManifest = Schemas['ChatbotManifest'];
export type PluginManifest = Schemas['PluginManifest'];
export type ApiPluginManifest = Schemas['ApiPluginManifest'];
export type SqlPluginManifest = Schemas['SqlPluginManifest'];
export type SqlConnectionManifest = Schemas['SqlConnectionManifest'];
export type ApiConnectionManifest = Schemas['ApiConnectionManifest'];
export type SecretManifest = Schemas['SecretManifest'];
export type ProviderManifest = Schemas['ProviderManifest'];
export type AccountManifest = Schemas['AccountManifest'];
export type UserManifest = Schemas['UserManifest'];
export type SmarterAuthTokenManifest = Schemas['SmarterAuthTokenManifest'];

/** The kinds of both generations, spelled as the server spells them. Any other string is sent as is. */
export type KnownKind =
  | 'Chatbot'
  | 'LLMClient'
  | 'Plugin'
  | 'ApiPlugin'
  | 'SqlPlugin'
  | 'SqlConnection'
  | 'ApiConnection'
  | 'Secret'
  | 'Provider'
  | 'Account'
  | 'User'
  | 'AuthToken'
  | 'SmarterAuthToken'
  | 'Chat'
  | 'ChatHistory'
  | 'ChatPluginUsage'
  | 'ChatToolCall'
  | 'Prompt'
  | 'Vectorstore';

/** A kind name: one of `KnownKind` (offered by your editor), or any spelling the server accepts. */
// `string & {}` keeps the known names as suggestions while any string is allowed.
export type Kind = KnownKind | (string & {});

interface ManifestsByKind {
  chatbot: ChatbotManifest;
  llmclient: ChatbotManifest;
  plugin: PluginManifest;
  apiplugin: ApiPluginManifest;
  sqlplugin: SqlPluginManifest;
  sqlconnection: SqlConnectionManifest;
  apiconnection: ApiConnectionManifest;
  secret: SecretManifest;
  provider: ProviderManifest;
  account: AccountManifest;
  user: UserManifest;
  authtoken: SmarterAuthTokenManifest;
  smarterauthtoken: SmarterAuthTokenManifest;
}

/** The manifest type of a kind: `ManifestOf<'SqlPlugin'>` is `SqlPluginManifest`; an unknown kind, `Manifest`. */
export type ManifestOf<K extends string> = Lowercase<K> extends keyof ManifestsByKind ? ManifestsByKind[Lowercase<K>] : Manifest;

import type { APIPromise, RequestOptions, SmarterClient } from '@smarter/core';
import { apply, type ApplyResult } from './apply';
import { deploy, type DeployParams } from './deploy';
import { describe, type DescribeParams } from './describe';
import { exampleManifest, type KindParams } from './example-manifest';
import { get, type GetParams, type GetResult } from './get';
import { jsonSchema, type JsonSchemaResult } from './json-schema';
import { logs, type LogsParams, type LogsResult } from './logs';
import type { Manifest, ManifestOf } from './manifests';
import { remove, type RemoveParams } from './remove';
import { version, type VersionResult } from './server-version';
import { status, type StatusResult } from './status';
import { undeploy, type UndeployParams } from './undeploy';
import { whoami, type WhoamiResult } from './whoami';

/**
 * The manifest API bound to one client: `new Resources(client).describe({ kind, name })`. Each
 * method is the function of the same name (`delete` is the function `remove`); import the functions
 * instead when bundle size matters, since the class brings all of them.
 */
export class Resources {
  constructor(readonly client: SmarterClient) {}

  apply(manifest: Manifest | string, options?: RequestOptions): APIPromise<ApplyResult> {
    return apply(this.client, manifest, options);
  }

  get(params: GetParams, options?: RequestOptions): APIPromise<GetResult> {
    return get(this.client, params, options);
  }

  describe<K extends string>(params: DescribeParams<K>, options?: RequestOptions): APIPromise<ManifestOf<K>> {
    return describe(this.client, params, options);
  }

  delete(params: RemoveParams, options?: RequestOptions): APIPromise<void> {
    return remove(this.client, params, options);
  }

  deploy(params: DeployParams, options?: RequestOptions): APIPromise<void> {
    return deploy(this.client, params, options);
  }

  undeploy(params: UndeployParams, options?: RequestOptions): APIPromise<void> {
    return undeploy(this.client, params, options);
  }

  logs(params: LogsParams, options?: RequestOptions): APIPromise<LogsResult> {
    return logs(this.client, params, options);
  }

  exampleManifest<K extends string>(params: KindParams<K>, options?: RequestOptions): APIPromise<ManifestOf<K>> {
    return exampleManifest(this.client, params, options);
  }

  jsonSchema(params: KindParams, options?: RequestOptions): APIPromise<JsonSchemaResult> {
    return jsonSchema(this.client, params, options);
  }

  whoami(options?: RequestOptions): APIPromise<WhoamiResult> {
    return whoami(this.client, options);
  }

  status(options?: RequestOptions): APIPromise<StatusResult> {
    return status(this.client, options);
  }

  version(options?: RequestOptions): APIPromise<VersionResult> {
    return version(this.client, options);
  }
}

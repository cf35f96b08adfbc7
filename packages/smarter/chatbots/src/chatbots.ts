import type { APIPromise, RequestOptions, SmarterClient } from '@smarter/core';
import { apply, type ApplyResult } from './apply';
import { chatConfig, type ChatConfigParams } from './chat-config';
import { chatDirect, type ChatDirectParams, type ChatTarget } from './chat-direct';
import type { Chatbot } from './chatbot';
import { deploy } from './deploy';
import { describe, type NameParams } from './describe';
import { get, type GetParams } from './get';
import { list } from './list';
import { logs, type LogsResult } from './logs';
import { remove } from './remove';
import type { ChatbotManifest, ChatbotSummary, ChatConfig, DirectChatResult } from './types';
import { undeploy } from './undeploy';

/**
 * The chatbot operations bound to one client: `new Chatbots(client).get({ name })`. Each method is
 * the function of the same name (`delete` is the function `remove`); import the functions instead
 * when bundle size matters, since the class brings all of them.
 */
export class Chatbots {
  constructor(readonly client: SmarterClient) {}

  get(params: GetParams, options?: RequestOptions): APIPromise<Chatbot> {
    return get(this.client, params, options);
  }

  list(options?: RequestOptions): APIPromise<ChatbotSummary[]> {
    return list(this.client, options);
  }

  describe(params: NameParams, options?: RequestOptions): APIPromise<ChatbotManifest> {
    return describe(this.client, params, options);
  }

  apply(manifest: ChatbotManifest | string, options?: RequestOptions): APIPromise<ApplyResult> {
    return apply(this.client, manifest, options);
  }

  delete(params: NameParams, options?: RequestOptions): APIPromise<void> {
    return remove(this.client, params, options);
  }

  deploy(params: NameParams, options?: RequestOptions): APIPromise<void> {
    return deploy(this.client, params, options);
  }

  undeploy(params: NameParams, options?: RequestOptions): APIPromise<void> {
    return undeploy(this.client, params, options);
  }

  logs(params: NameParams, options?: RequestOptions): APIPromise<LogsResult> {
    return logs(this.client, params, options);
  }

  chatConfig(params: ChatConfigParams, options?: RequestOptions): APIPromise<ChatConfig> {
    return chatConfig(this.client, params, options);
  }

  chatDirect(target: ChatTarget, params: ChatDirectParams, options?: RequestOptions): APIPromise<DirectChatResult> {
    return chatDirect(this.client, target, params, options);
  }
}

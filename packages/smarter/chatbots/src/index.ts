export { VERSION } from './version';
export { get, type GetParams } from './get';
export { Chatbot, type ChatbotOptions, type PromptOptions } from './chatbot';
export { list } from './list';
export { describe, type NameParams } from './describe';
export { apply, type ApplyResult } from './apply';
export { remove } from './remove';
export { deploy } from './deploy';
export { undeploy } from './undeploy';
export { logs, type LogsResult } from './logs';
export { chatConfig, type ChatConfigParams } from './chat-config';
export { chatDirect, type ChatDirectParams, type ChatTarget } from './chat-direct';
export { Chatbots } from './chatbots';
export type {
  ChatbotManifest,
  ChatbotSpec,
  ChatbotStatus,
  ChatbotSummary,
  ChatCompletion,
  ChatConfig,
  ChatMessage,
  ChatTurn,
  CliChatData,
  DirectChatData,
  DirectChatResult,
  PromptResult,
  SmarterTurn,
  TurnMetadata,
} from './types';
export type { Body, Data, Result, Schemas } from './spec';

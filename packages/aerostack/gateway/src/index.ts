export { VERSION } from './version';

export { billingLog, type BillingLogParams, type BillingLogResult } from './billing-log';
export { chatCompletions } from './chat-completions';
export { chatCompletionsStream } from './chat-completions-stream';
export type { ChatCompletion, ChatCompletionChunk, ChatCompletionsParams } from './chat-types';
export type {
  ChatAssistantMessage,
  ChatCompletionMessage,
  ChatContentPart,
  ChatDeveloperMessage,
  ChatFinishReason,
  ChatImagePart,
  ChatMessage,
  ChatResponseFormat,
  ChatSystemMessage,
  ChatTextPart,
  ChatTool,
  ChatToolCall,
  ChatToolCallDelta,
  ChatToolChoice,
  ChatToolMessage,
  ChatUserMessage,
} from './chat-shapes';
export { getWallet, type WalletParams, type WalletResult } from './wallet';
export { getUsage, type UsageParams, type UsageResult } from './usage';
export type { ConsumerRequestOptions } from './consumer';
export type { PathStyle } from './routes';
export { Gateway, type GatewayOptions } from './gateway';

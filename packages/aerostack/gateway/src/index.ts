export { VERSION } from './version';

export { billingLog, type BillingLogParams, type BillingLogResult } from './billing-log';
export { chatCompletions } from './chat-completions';
export { chatCompletionsStream } from './chat-completions-stream';
export type { ChatCompletion, ChatCompletionChunk, ChatCompletionsParams, ChatMessage } from './chat-types';
export { getWallet, type WalletParams, type WalletResult } from './wallet';
export { getUsage, type UsageParams, type UsageResult } from './usage';
export type { ConsumerRequestOptions } from './consumer';
export type { PathStyle } from './routes';
export { Gateway, type GatewayOptions } from './gateway';

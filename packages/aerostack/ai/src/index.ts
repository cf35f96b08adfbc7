export { VERSION } from './version';
export { chat, type ChatCompletionResponse } from './chat';
export type { ChatParams } from './chat-params';
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
export { chatStream, type ChatCompletionChunk, type ChatStreamParams } from './chat-stream';
export { collectText } from './collect-text';
export { searchIngest, type SearchIngestParams, type SearchIngestResult } from './search/ingest';
export { searchQuery, type SearchQueryParams, type SearchQueryResult, type SearchResult } from './search/query';
export { searchUpdate, type SearchUpdateParams, type SearchUpdateResult } from './search/update';
export { searchGet, type SearchGetParams, type SearchGetResult } from './search/get';
export { searchCount, type SearchCountParams, type SearchCountResult } from './search/count';
export { searchDelete, type SearchDeleteParams, type SearchDeleteResult } from './search/delete';
export { searchDeleteByType, type SearchDeleteByTypeParams, type SearchDeleteByTypeResult } from './search/delete-by-type';
export { searchListTypes, type SearchListTypesResult } from './search/list-types';
export { searchConfigure, type EmbeddingModel, type SearchConfigureParams, type SearchConfigureResult } from './search/configure';
export { Search } from './search/search';
export { AI } from './ai';

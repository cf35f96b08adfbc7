// The operations and schemas of specs/aerostack.yaml this package uses, named one by one: tsup inlines
// what they reach into the published .d.ts and nothing else (flat declarations, one per schema and
// operation: tooling/spec-types/flatten.mjs). A function that needs another operation adds it here
// (`Body<'x'>` does not compile until then). Relative imports on purpose: users never need the private package.
import type { BodyOf, ResultOf } from '../../../../tooling/spec-types/src/helpers';
import type { aiChat, ChatAssistantMessage, ChatCompletionChunk, ChatCompletionMessage, ChatCompletionResponse, ChatContentPart, ChatDeveloperMessage, ChatFinishReason, ChatImagePart, ChatMessage, ChatResponseFormat, ChatSystemMessage, ChatTextPart, ChatTool, ChatToolCall, ChatToolCallDelta, ChatToolChoice, ChatToolMessage, ChatUserMessage, searchConfigure, searchCount, searchDelete, searchDeleteByType, searchGet, searchIngest, searchListTypes, searchQuery, SearchResult, searchUpdate } from '../../../../tooling/spec-types/src/generated/aerostack.flat';

interface Operations {
  aiChat: aiChat;
  searchConfigure: searchConfigure;
  searchCount: searchCount;
  searchDelete: searchDelete;
  searchDeleteByType: searchDeleteByType;
  searchGet: searchGet;
  searchIngest: searchIngest;
  searchListTypes: searchListTypes;
  searchQuery: searchQuery;
  searchUpdate: searchUpdate;
}

/** The schemas this package's types name directly (each with what it refers to). */
export interface Schemas {
  ChatAssistantMessage: ChatAssistantMessage;
  ChatCompletionChunk: ChatCompletionChunk;
  ChatCompletionMessage: ChatCompletionMessage;
  ChatCompletionResponse: ChatCompletionResponse;
  ChatContentPart: ChatContentPart;
  ChatDeveloperMessage: ChatDeveloperMessage;
  ChatFinishReason: ChatFinishReason;
  ChatImagePart: ChatImagePart;
  ChatMessage: ChatMessage;
  ChatResponseFormat: ChatResponseFormat;
  ChatSystemMessage: ChatSystemMessage;
  ChatTextPart: ChatTextPart;
  ChatTool: ChatTool;
  ChatToolCall: ChatToolCall;
  ChatToolCallDelta: ChatToolCallDelta;
  ChatToolChoice: ChatToolChoice;
  ChatToolMessage: ChatToolMessage;
  ChatUserMessage: ChatUserMessage;
  SearchResult: SearchResult;
}

/** The JSON request body of an operation. */
export type Body<Op extends keyof Operations> = BodyOf<Operations, Op>;
/** The JSON body of an operation's success response (200 or 201). */
export type Result<Op extends keyof Operations> = ResultOf<Operations, Op>;

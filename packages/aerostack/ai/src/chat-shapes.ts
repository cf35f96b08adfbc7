import type { Schemas } from './spec';

// OpenAI's chat completions shapes, as specs/aerostack.yaml names them.

/** A message of the conversation: one of the five roles, each with OpenAI's fields. */
export type ChatMessage = Schemas['ChatMessage'];
export type ChatSystemMessage = Schemas['ChatSystemMessage'];
/** OpenAI's newer name for a system message. */
export type ChatDeveloperMessage = Schemas['ChatDeveloperMessage'];
/** `content` is a string, or parts: text and `image_url`. */
export type ChatUserMessage = Schemas['ChatUserMessage'];
/** An earlier answer sent back: `content` (may be null) and/or `tool_calls`. */
export type ChatAssistantMessage = Schemas['ChatAssistantMessage'];
/** The result of a tool call; `tool_call_id` names the call it answers. */
export type ChatToolMessage = Schemas['ChatToolMessage'];
export type ChatContentPart = Schemas['ChatContentPart'];
export type ChatTextPart = Schemas['ChatTextPart'];
export type ChatImagePart = Schemas['ChatImagePart'];
/** A function the model may call: `{ type: 'function', function: { name, description?, parameters? } }`. */
export type ChatTool = Schemas['ChatTool'];
/** `'none' | 'auto' | 'required'`, or `{ type: 'function', function: { name } }`. */
export type ChatToolChoice = Schemas['ChatToolChoice'];
/** `{ type: 'text' }`, `{ type: 'json_object' }` or `{ type: 'json_schema', json_schema: { name, schema } }`. */
export type ChatResponseFormat = Schemas['ChatResponseFormat'];
/** A call the assistant asks for; `function.arguments` is a JSON text. */
export type ChatToolCall = Schemas['ChatToolCall'];
/** The assistant's answer in a choice: `content` (null when it is tool calls) and `tool_calls`. */
export type ChatCompletionMessage = Schemas['ChatCompletionMessage'];
export type ChatFinishReason = Schemas['ChatFinishReason'];
/** A piece of a streamed tool call: `index`, then `id` and `function.name` once, `function.arguments` in pieces. */
export type ChatToolCallDelta = Schemas['ChatToolCallDelta'];

export { VERSION } from './version';
export { createCompletion, completions, type ChatCompletion, type ChatCompletionCreateParams, type ChatCompletionOptions } from './completions';
export { createResponse, responses, type ResponseCreateParams, type ResponseObject, type ResponseResult } from './responses';
export { outputJSON } from './output-json';
export { Chat, Completions, Responses } from './chat';

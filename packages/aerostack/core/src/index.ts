export { Client } from './client';
export { request, get, post } from './request';
export { enableLogging } from './logging';
export { APIPromise, mapResult, type APIPromiseConstructor } from './api-promise';
export {
  SDKError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  InvalidResponseError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  StreamError,
  InvalidRequestError,
  errorClassFor,
  invalidInput,
  type ErrorFields,
} from './errors';
export { DEFAULT_RETRY } from './retry';
export { defaultParseError } from './response';
export { path } from './url';
export { VERSION } from './version';
export { AerostackClient, aerostackPreset } from './presets/aerostack';
export type {
  AuthFunction,
  AuthScheme,
  ClientOptions,
  ErrorInfo,
  Hooks,
  Logger,
  LogLevel,
  Preset,
  QueryValue,
  RequestContext,
  RequestOptions,
  RequestSpec,
  RetryPolicy,
  Transport,
  WithResponse,
} from './types';
export type { RequestBody } from './web-types';
export {
  paginate,
  Page,
  PagePromise,
  listCompletePages,
  truncatedPages,
  afterIdPages,
  type FetchPage,
  type PageConstructor,
  type PagePromiseConstructor,
  type PageStyle,
} from './pagination';
export { createSSEParser, type ServerSentEvent, type SSEParser } from './sse';
export { Stream, type StreamConstructor, type StreamOptions } from './stream';
export { streamRequest } from './stream-request';
export { multipart, type FilePart, type MultipartBody, type MultipartValue, type UploadSource } from './multipart';

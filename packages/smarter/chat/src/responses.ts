import { request, APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { outputJSON } from './output-json';
import type { Body, Schemas } from './spec';
import { checkString, fail } from './validate';

/** An OpenAI Responses-style request: `model`, `input` (a string or message items), `instructions`, `response_format` or `text.format`. */
export type ResponseCreateParams = Body<'responsesCreate'>;

/** An OpenAI Responses-style response object. */
export type ResponseObject = Schemas['ResponseObject'];

/** What `createResponse` resolves to: the response, and `parsed` when a `json_object` format was asked for. */
export type ResponseResult<T = unknown> = ResponseObject & {
  /** The JSON of `output_text`; set only when the request asked for `{ type: 'json_object' }`. */
  parsed?: T;
};

/**
 * Creates a model response (`POST responses/`). With `response_format` (or `text.format`)
 * `{ type: 'json_object' }`, the output is parsed into `parsed`, and output that is not JSON rejects
 * with an InvalidResponseError. Streaming is not offered: `stream: true` is refused before
 * anything is sent (an InvalidRequestError naming `stream`). A write: not retried unless you pass
 * an `idempotencyKey`.
 */
export function createResponse<T = unknown>(client: SmarterClient, params: ResponseCreateParams = {} as ResponseCreateParams, options?: RequestOptions): APIPromise<ResponseResult<T>> {
  const json = (params.text?.format ?? params.response_format)?.type === 'json_object';
  return new APIPromise(
    request<ResponseObject>(
        client,
        {
          method: 'POST',
          path: 'responses/',
          body: params,
          check() {
            checkString(params.model, 'model');
            const { input } = params as { input: unknown };
            if (!(typeof input === 'string' ? input : Array.isArray(input) && input.length)) fail('input', 'a non-empty string or array of messages');
            // Not in the type: caught for JavaScript callers and casts, before a server answers 400.
            if ((params as { stream?: unknown }).stream) fail('stream', 'not offered; leave it out');
          },
        },
        options,
      )
      .withResponse()
      .then((r) => {
        const data: ResponseResult<T> = r.data;
        // OpenAI computes output_text client-side; a server that leaves it out gets it joined here.
        data.output_text = (data as { output_text?: string }).output_text ?? data.output.flatMap((item) => item.content.map((part) => part.text)).join('');
        if (json) data.parsed = outputJSON(data, r.response.status) as T;
        return { ...r, data };
      }),
  );
}

/** `responses.create(client, params)`, as in the OpenAI SDKs. */
export const responses = { create: createResponse };

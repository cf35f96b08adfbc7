import { errorClassFor, InvalidResponseError, type WithResponse } from '@smarter/core';
import type { Schemas } from './spec';
import type { ChatCompletion, ChatTurn } from './types';

type EndpointData = Schemas['ChatEndpointData'] | Schemas['CliChatEndpointData'];
type Parsed = Schemas['ChatEndpointParsed'];

/**
 * Reads one chat turn from a chat endpoint's `data` (`{ statusCode, headers, body }`). The chatbot's
 * own endpoint sends `body` as a JSON string, the CLI routes as an object; a body that is not a JSON
 * object is an InvalidResponseError, a failed provider call (no body) an error of its status.
 */
export function readTurn<Raw>(r: WithResponse<unknown>, data: EndpointData | undefined, raw: (parsed: Parsed) => Raw): ChatTurn<Raw> {
  const fields = { status: r.response.status, requestId: r.requestId, headers: r.response.headers };
  const text = data?.body;
  let body: unknown = text;
  if (typeof text === 'string') {
    try {
      body = JSON.parse(text);
    } catch (cause) {
      throw new InvalidResponseError(`${r.response.status}: the chat body is not JSON: "${text.slice(0, 80)}"`, { ...fields, body: text, cause });
    }
  }
  if (typeof body !== 'object' || body === null) {
    const status = data?.statusCode ?? 0;
    const ErrorClass = status >= 400 ? errorClassFor(status) : InvalidResponseError;
    throw new ErrorClass(`${status || r.response.status}: the chatbot answered without a chat body`, { ...fields, ...(status >= 400 && { status }), details: data });
  }
  const { smarter = {}, metadata = {}, ...completion } = body as Parsed;
  const messages = smarter.messages ?? [];
  const reply = messages.filter((m) => m.role === 'assistant').pop()?.content ?? (completion as Partial<ChatCompletion>).choices?.[0]?.message.content;
  return {
    reply: reply ?? '',
    completion,
    smarter,
    metadata,
    messages,
    raw: raw(body as Parsed),
  };
}

// AI chat from an OpenAI-compatible upstream (an option of the launcher): the checked request is
// sent on as it came (model replaced when the option names one) and the answer comes back as the
// upstream gave it, a stream passed through chunk by chunk. An upstream that cannot be reached, or
// answers with an error, is 502 UPSTREAM_ERROR naming its status; its body is not passed on.
import type { AiUpstream } from '../env';
import { ApiError } from '../errors';
import type { ChatRequest } from './chat-request';

export async function forwardChat(upstream: AiUpstream, req: ChatRequest): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: req.stream ? 'text/event-stream' : 'application/json' };
  if (upstream.apiKey) headers.authorization = `Bearer ${upstream.apiKey}`;
  const body = { ...req.body, ...(upstream.model && { model: upstream.model }) };
  let response: Response;
  try {
    response = await fetch(`${upstream.baseURL}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(502, 'UPSTREAM_ERROR', `The AI upstream could not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ApiError(502, 'UPSTREAM_ERROR', `The AI upstream answered ${response.status}`, { upstreamStatus: response.status });
  }
  return new Response(response.body, {
    headers: { 'content-type': response.headers.get('content-type') ?? 'application/json', ...(req.stream && { 'cache-control': 'no-cache' }) },
  });
}

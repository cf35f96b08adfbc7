import type { ChatCompletionChunk } from './chat-stream';

/** Reads a chat stream to its end and joins the text of its first choice's deltas. */
export async function collectText(stream: AsyncIterable<ChatCompletionChunk>): Promise<string> {
  let text = '';
  // Read loosely: a usage-only frame may come without `choices` at all.
  for await (const chunk of stream) text += (chunk as Partial<ChatCompletionChunk>).choices?.[0]?.delta.content ?? '';
  return text;
}

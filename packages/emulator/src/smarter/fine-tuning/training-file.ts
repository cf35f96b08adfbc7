// Checks a training file the way the job's validation step would: JSONL, one example per line,
// each `{messages: [{role, content}, ...]}` (chat) or `{prompt, completion}`. The outcome (an error,
// or the token count: whitespace-separated words) is fixed when the job is created.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function checkTrainingFile(text: string): { error: string | null; tokens: number } {
  const lines = text.split('\n').filter((line) => line.trim());
  if (!lines.length) return { error: 'the file has no examples', tokens: 0 };
  let tokens = 0;
  for (const [i, line] of lines.entries()) {
    let example: unknown;
    try {
      example = JSON.parse(line);
    } catch {
      return { error: `line ${i + 1} is not JSON`, tokens: 0 };
    }
    if (isObject(example) && Array.isArray(example.messages) && example.messages.every((m) => isObject(m) && typeof m.role === 'string' && typeof m.content === 'string')) {
      tokens += (example.messages as { content: string }[]).reduce((n, m) => n + words(m.content), 0);
    } else if (isObject(example) && typeof example.prompt === 'string' && typeof example.completion === 'string') {
      tokens += words(example.prompt) + words(example.completion);
    } else {
      return { error: `line ${i + 1} is neither {messages: [{role, content}]} nor {prompt, completion}`, tokens: 0 };
    }
  }
  return { error: null, tokens };
}

import { InvalidResponseError } from '@smarter/core';

/**
 * The JSON a response's `output_text` holds (what a `json_object` format asks for). Output that is
 * not JSON is an InvalidResponseError, whose `body` is the text.
 */
export function outputJSON(response: { output_text: string }, status?: number): unknown {
  const text = response.output_text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new InvalidResponseError(`${status ?? 200}: expected JSON output, got "${text.slice(0, 80)}"`, { status, body: text, cause });
  }
}

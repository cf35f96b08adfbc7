// @ts-check
// A page that streams a chat answer into the DOM: each piece of text is appended to #answer as it
// arrives. Bundle it with the page (Vite, esbuild, ...): it imports the SDK by name.
//
// The base URL and the key come from the query string (?baseURL=...&key=...), by default the local
// emulator (`pnpm emulator`, which answers browsers' CORS requests) and its first dev key.
// A secret key in a page is for local development only: anyone can read it. In production, call
// your own backend from the page (the Worker or the edge handler of these examples) and keep the
// key there.
import { chatStream } from '@aerostack/ai';
import { AerostackClient, SDKError } from '@aerostack/core';

const params = new URLSearchParams(location.search);
const client = new AerostackClient({
  apiKey: params.get('key') ?? 'ac_secret_dev_project_a', // the emulator's first dev key
  baseURL: params.get('baseURL') ?? 'http://127.0.0.1:8787/v1', // the emulator's address
});

/** @param {string} id */
function element(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found;
}
const answer = element('answer');
const status = element('status');
const form = /** @type {HTMLFormElement} */ (element('ask'));

/** Streams the answer to `prompt` into #answer; `data-state` on <body> says where it is. */
async function ask(/** @type {string} */ prompt) {
  answer.replaceChildren();
  document.body.dataset.state = 'streaming';
  status.textContent = 'Thinking…';
  let chunks = 0;
  try {
    for await (const chunk of await chatStream(client, { messages: [{ role: 'user', content: prompt }] })) {
      const delta = chunk.choices[0]?.delta.content;
      if (!delta) continue;
      answer.append(delta); // one text node per piece, appended as it arrives
      chunks++;
    }
    status.textContent = `${chunks} chunks`;
    document.body.dataset.state = 'done';
  } catch (error) {
    // A wrong key is an AuthenticationError, an unreachable server an APIConnectionError, ...
    status.textContent = error instanceof SDKError ? `${error.name}: ${error.message}` : String(error);
    document.body.dataset.state = 'error';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void ask(String(new FormData(form).get('prompt') ?? ''));
});

const prompt = params.get('prompt');
if (prompt) {
  /** @type {HTMLInputElement} */ (form.elements.namedItem('prompt')).value = prompt;
  void ask(prompt);
}

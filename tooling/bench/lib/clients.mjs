// The clients compared on the chat-completions route, each as `make(target)` resolving to a
// function that makes one call and returns something to check. `target`: { baseURL, consumerKey,
// slug }. Only the selected client's packages are imported, so each child loads just one.
//
// The call, in every client: POST <baseURL>/ai/gateway/<slug>/chat/completions with
// `Authorization: Bearer <consumerKey>` and the same body; the JSON answer is parsed.

export const CHAT_BODY = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello' }] };

const chatURL = (t) => `${t.baseURL}/ai/gateway/${t.slug}/chat/completions`;

function checkCompletion(c) {
  if (typeof c?.choices?.[0]?.message?.content !== 'string') throw new Error(`not a chat.completion: ${JSON.stringify(c).slice(0, 200)}`);
  return c;
}

/** Non-streaming: resolves to the parsed chat.completion. */
export const requestClients = {
  // fetch(url, {method, headers, body}) then res.json(): the reference every ratio is taken to.
  async fetch(t) {
    const url = chatURL(t);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${t.consumerKey}` };
    return async () => {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(CHAT_BODY) });
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      return checkCompletion(await res.json());
    };
  },
  // @aerostack/gateway chatCompletions with the core's fetch transport.
  async 'ours-fetch'(t) {
    return oursRequest(t, 'fetch');
  },
  // The same call through the Node transport (node:http keep-alive), the default on Node.
  async 'ours-node'(t) {
    return oursRequest(t, 'node');
  },
  async openai(t) {
    const { default: OpenAI } = await import('openai');
    const client = new OpenAI({ baseURL: `${t.baseURL}/ai/gateway/${t.slug}`, apiKey: t.consumerKey, maxRetries: 0 });
    return async () => checkCompletion(await client.chat.completions.create(CHAT_BODY));
  },
  // ky and ofetch, the fetch wrappers of the perf baselines, used as their READMEs show (no retries).
  async ky(t) {
    const { default: ky } = await import('ky');
    const api = ky.create({ prefixUrl: `${t.baseURL}/ai/gateway/${t.slug}`, headers: { authorization: `Bearer ${t.consumerKey}` }, retry: 0 });
    return async () => checkCompletion(await api.post('chat/completions', { json: CHAT_BODY }).json());
  },
  async ofetch(t) {
    const { ofetch } = await import('ofetch');
    const api = ofetch.create({ baseURL: `${t.baseURL}/ai/gateway/${t.slug}`, headers: { authorization: `Bearer ${t.consumerKey}` }, retry: 0 });
    return async () => checkCompletion(await api('/chat/completions', { method: 'POST', body: CHAT_BODY }));
  },
  // Floor: node:http with a keep-alive Agent, chunks collected, JSON.parse. Not a client anyone ships.
  async http(t) {
    const http = await import('node:http');
    const agent = new http.Agent({ keepAlive: true });
    const url = new URL(chatURL(t));
    const options = { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${t.consumerKey}` } };
    return () =>
      new Promise((resolve, reject) => {
        const req = http.request(url, options, (res) => {
          const chunks = [];
          res.on('data', (d) => chunks.push(d));
          res.on('end', () => {
            try {
              if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
              resolve(checkCompletion(JSON.parse(Buffer.concat(chunks).toString())));
            } catch (e) {
              reject(e);
            }
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(JSON.stringify(CHAT_BODY));
      });
  },
};

async function oursRequest(t, transport) {
  const { AerostackClient } = await import('@aerostack/core');
  const { chatCompletions } = await import('@aerostack/gateway');
  const client = new AerostackClient({ baseURL: t.baseURL, transport });
  const options = { consumerKey: t.consumerKey };
  return async () => checkCompletion((await chatCompletions(client, { apiSlug: t.slug, ...CHAT_BODY }, options)));
}

/** Streaming: resolves to the number of chunks read (every one JSON-parsed), stopping at [DONE]. */
export const streamClients = {
  // fetch + a hand-written SSE parse: body reader, TextDecoder, split on "\n\n", strip "data: ".
  async 'fetch-hand'(t) {
    const url = chatURL(t);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${t.consumerKey}` };
    return async () => {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ ...CHAT_BODY, stream: true }) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let n = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (!frame.startsWith('data: ')) continue;
          const data = frame.slice(6);
          if (data === '[DONE]') {
            await reader.cancel();
            return n;
          }
          JSON.parse(data);
          n++;
        }
      }
      return n;
    };
  },
  // fetch + eventsource-parser's createParser fed from the body reader.
  async 'fetch-esp'(t) {
    const { createParser } = await import('eventsource-parser');
    const url = chatURL(t);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${t.consumerKey}` };
    return async () => {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ ...CHAT_BODY, stream: true }) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      let n = 0;
      let finished = false;
      const parser = createParser({
        onEvent(e) {
          if (finished) return;
          if (e.data === '[DONE]') finished = true;
          else {
            JSON.parse(e.data);
            n++;
          }
        },
      });
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      while (!finished) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
      if (finished) await reader.cancel();
      return n;
    };
  },
  async 'ours-fetch'(t) {
    return oursStream(t, 'fetch');
  },
  async 'ours-node'(t) {
    return oursStream(t, 'node');
  },
  async openai(t) {
    const { default: OpenAI } = await import('openai');
    const client = new OpenAI({ baseURL: `${t.baseURL}/ai/gateway/${t.slug}`, apiKey: t.consumerKey, maxRetries: 0 });
    return async () => {
      let n = 0;
      for await (const chunk of await client.chat.completions.create({ ...CHAT_BODY, stream: true })) {
        if (chunk.object) n++;
      }
      return n;
    };
  },
};

async function oursStream(t, transport) {
  const { AerostackClient } = await import('@aerostack/core');
  const { chatCompletionsStream } = await import('@aerostack/gateway');
  const client = new AerostackClient({ baseURL: t.baseURL, transport });
  const options = { consumerKey: t.consumerKey };
  return async () => {
    let n = 0;
    for await (const chunk of await chatCompletionsStream(client, { apiSlug: t.slug, ...CHAT_BODY }, options)) {
      if (chunk.object) n++;
    }
    return n;
  };
}

// The mock server: node:http on 127.0.0.1, a process of its own so that the client's
// process.cpuUsage() counts the client only (the method of the perf baselines). Prints
// `{"port": n}` once listening; exits on SIGTERM, or on its own after 30 minutes.
//
// Routes (with the emulator's paths, so every client calls the same URL it would call there):
//   POST /v1/ai/gateway/<slug>/chat/completions   a 631 B chat.completion; with "stream": true,
//        text/event-stream: 20 chat.completion.chunk events and `data: [DONE]` (5.4 kB), in one res.end
//        (API slug "late-end": the same events, but the body ends 1 ms after [DONE])
//   POST /v1/cache/get                            {"value":"hello","exists":true}
//   POST /v1/storage/upload                       reads and discards the body; {"url", "bytes"}
//   GET  /__stats                                 {"connections": accepted so far}
//   anything else                                 404
import http from 'node:http';

const CREATED = 1795300000;
const ID = 'chatcmpl-B9MHDbslfCsjJ3kq1cZx0r4QXyAb5';

// A chat.completion of the size the baselines used (631 bytes).
function completionBody() {
  const base = {
    id: ID,
    object: 'chat.completion',
    created: CREATED,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [{ index: 0, message: { role: 'assistant', content: '', refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: 19,
      completion_tokens: 36,
      total_tokens: 55,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_34a54ae93c',
  };
  const words = 'Hello! How can I help you today? I can answer questions, write code, explain ideas or just chat about whatever is on your mind right now.'.split(' ');
  let content = '';
  for (let i = 0; Buffer.byteLength(JSON.stringify({ ...base, choices: [{ ...base.choices[0], message: { ...base.choices[0].message, content: content + words[i % words.length] } }] })) <= 631; i++) {
    content += (content ? ' ' : '') + words[i % words.length];
  }
  base.choices[0].message.content = content;
  let text = JSON.stringify(base);
  // Pad the fingerprint to land on 631 bytes exactly.
  if (text.length < 631) {
    base.system_fingerprint += 'x'.repeat(631 - text.length);
    text = JSON.stringify(base);
  }
  return text;
}

// 20 chat.completion.chunk events (role first, 18 words, then finish_reason) and [DONE].
function streamBody() {
  const words = ['Hello', '!', ' How', ' can', ' I', ' help', ' you', ' today', '?', ' I', ' can', ' answer', ' questions', ',', ' write', ' code', ' or', ' chat'];
  const chunk = (delta, finish) =>
    `data: ${JSON.stringify({ id: ID, object: 'chat.completion.chunk', created: CREATED, model: 'gpt-4o-mini-2024-07-18', system_fingerprint: 'fp_34a54ae93c', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
  let s = chunk({ role: 'assistant', content: '', refusal: null }, null);
  for (const w of words) s += chunk({ content: w }, null);
  s += chunk({}, 'stop');
  return s + 'data: [DONE]\n\n';
}

const COMPLETION = Buffer.from(completionBody());
const STREAM = Buffer.from(streamBody());
const CACHE = Buffer.from('{"value":"hello","exists":true}');
const NOT_FOUND = Buffer.from('{"code":"NOT_FOUND","message":"Not found"}');
const CHAT_PATH = /^\/(?:v1\/)?ai\/gateway\/[^/]+\/chat\/completions$/;

let connections = 0;

const server = http.createServer((req, res) => {
  const path = req.url.split('?')[0];
  const send = (status, type, body) => {
    res.writeHead(status, { 'content-type': type, 'content-length': body.length, 'x-request-id': 'req_mock' });
    res.end(body);
  };
  if (req.method === 'GET' && path === '/__stats') return send(200, 'application/json', Buffer.from(JSON.stringify({ connections, completion: COMPLETION.length, stream: STREAM.length })));
  if (req.method !== 'POST') {
    req.resume();
    return send(404, 'application/json', NOT_FOUND);
  }
  if (path === '/v1/storage/upload' || path === '/storage/upload') {
    let bytes = 0;
    req.on('data', (d) => (bytes += d.length));
    req.on('end', () => send(200, 'application/json', Buffer.from(JSON.stringify({ url: 'http://127.0.0.1/cdn/upload', bytes }))));
    return;
  }
  const chunks = [];
  req.on('data', (d) => chunks.push(d));
  req.on('end', () => {
    if (CHAT_PATH.test(path)) {
      const text = Buffer.concat(chunks).toString();
      // A cheap look at the flag: the body is ours, and JSON.parse would cost the server CPU it needs.
      const stream = text.includes('"stream":true');
      if (stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': 'req_mock' });
        // Slug "late-end": the events and [DONE] at once, the end of the body 1 ms later (as when a
        // proxy relays an upstream that closes after its last event).
        if (path.includes('/late-end/')) {
          res.write(STREAM);
          setTimeout(() => res.end(), 1);
        } else res.end(STREAM);
      } else send(200, 'application/json', COMPLETION);
    } else if (path === '/v1/cache/get' || path === '/cache/get') send(200, 'application/json', CACHE);
    else send(404, 'application/json', NOT_FOUND);
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.requestTimeout = 0;
server.on('connection', () => connections++);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port, pid: process.pid }) + '\n');
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
setTimeout(() => process.exit(0), 30 * 60_000).unref();

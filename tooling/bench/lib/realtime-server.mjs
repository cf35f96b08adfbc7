// The realtime feed server, a process of its own (so the client's process.cpuUsage() counts the client
// only): a `ws` WebSocketServer on /api/realtime speaking just enough of the contract for a client to
// subscribe (`subscribed` with the topic + '/P'), an empty history route (the client reads it once when
// a subscription is confirmed), and `POST /feed?n=N`, which sends N pre-made `event` frames to every open
// socket as fast as the socket takes them, then answers. Prints {"port"} when ready; stops on SIGTERM,
// or on its own after 30 minutes.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const TOPIC = 'bench/room/P';
const frames = [];
const frameFor = (i) => (frames[i] ??= JSON.stringify({ type: 'event', topic: TOPIC, event: 'msg', data: { text: 'hello', n: i }, id: `e${i}`, userId: 'u1', timestamp: 1_700_000_000_000 + i }));

// Unmasked text frames (server to client), as ws itself would send them without compression.
function framed(offset, n) {
  const parts = [];
  for (let i = 0; i < n; i++) {
    const payload = Buffer.from(frameFor(offset + i));
    const len = payload.length;
    const head = len < 126 ? Buffer.from([0x81, len]) : len < 65536 ? Buffer.from([0x81, 126, len >> 8, len & 255]) : null;
    if (!head) throw new Error('frame too long');
    parts.push(head, payload);
  }
  return Buffer.concat(parts);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/api/v1/public/realtime/history') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"messages":[]}');
  }
  if (url.pathname === '/feed' && req.method === 'POST') {
    const n = Number(url.searchParams.get('n'));
    // Fresh ids per feed: a client drops ids it has delivered (the last 2,000), so rounds must not repeat them.
    const offset = Number(url.searchParams.get('offset') ?? 0);
    // All n frames framed ahead and written at once: the client then reads full socket buffers whatever
    // the server's pace (a frame per write let a client that keeps up read tiny chunks, and its CPU per
    // event depended on how busy the server was, not only on its own work).
    const wire = framed(offset, n);
    const sends = [];
    for (const ws of wss.clients) {
      ws._socket.write(wire); // ws has no public raw write; its sender is idle here (nothing else is sent meanwhile)
      sends.push(new Promise((resolve) => ws.send('{"type":"pong"}', resolve)));
    }
    return void Promise.all(sends).then(() => res.end(String(n)));
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server, path: '/api/realtime', handleProtocols: (protocols) => (protocols.has('aerostack-v1') ? 'aerostack-v1' : false) });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.type === 'subscribe') ws.send(JSON.stringify({ type: 'subscribed', topic: frame.topic.endsWith('/P') ? frame.topic : `${frame.topic}/P` }));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port, pid: process.pid }) + '\n'));
const stop = () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, 30 * 60_000).unref();

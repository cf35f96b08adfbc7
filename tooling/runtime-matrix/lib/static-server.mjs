// @ts-check
// A static server on loopback for the browser cell: a fixed set of files (an HTML page and its
// bundled modules). The page's origin (127.0.0.1:<port>) differs from the emulator's, so every call
// of the SDK is a real cross-origin request, preflight included.
import { createServer } from 'node:http';

/**
 * @param {Record<string, { type: string, body: string }>} files  by path (`/`, `/main.js`, ...)
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveFiles(files, { port = 0 } = {}) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = files[path];
    if (!file) {
      response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

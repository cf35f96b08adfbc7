// `fetch` over node:http and node:https with keep-alive agents: the part of fetch the core uses (a
// URL, method, headers, body, signal and redirect mode), answering with a web Response so the rest
// of the core works as it does with fetch. About a third of undici's CPU per request, and no wait
// for undici's fetch to start up on first use (README, Transports).

// The modules themselves, looked up at each call: a test double that patches `http.request`
// (nock, msw) then sees the transport's requests, as it sees fetch's.
import http, { type IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import https from 'node:https';
import { freshHttpAgent, freshHttpsAgent, httpAgent, httpsAgent } from './agents';
import { decompressed } from './decompress';
import { outgoingBody, sendStream, type OutgoingBody } from './request-body';
import { requestHeaders } from './request-headers';
import { BufferedResponse } from './buffered-response';
import { responseInit, webResponse } from './response';
import { responseBody, type ResponseBody } from './response-body';
import { notSent, sendAgain } from './stale-socket';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** A JSON answer up to this size (its `Content-Length`) is read whole before the response is handed over. */
const SMALL_JSON = 256 * 1024;
/** Statuses whose response has no body, whatever the server sends (as fetch). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * Sends one request. Redirects are never followed: with `redirect: 'error'` a 3xx rejects (as
 * fetch does), otherwise it is the response. A rejection before the response is the abort reason
 * or the Node error (`ECONNREFUSED`, `socket hang up`, ...); after it, the body stream fails with it.
 */
export function nodeFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const signal = init.signal ?? undefined;
    // As fetch: an abort rejects with the signal's reason, whatever it is.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    if (signal?.aborted) return reject(signal.reason);
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const method = (init.method ?? 'GET').toUpperCase();
    // Whatever throws here (a bad URL, body, header name or value) rejects: nothing was sent.
    if (!secure && target.protocol !== 'http:') throw new TypeError(`Unsupported protocol: ${target.protocol}`);
    if (init.body != null && (method === 'GET' || method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
    const payload = outgoingBody(init.body);
    const headers = requestHeaders(init.headers, payload, secure);
    // A stream can be sent only once: it never goes on an idle pooled connection the server may
    // be closing (stale-socket.ts, agents.ts); everything else can be sent again if that happens.
    const replayable = !(init.body instanceof ReadableStream);
    const send = (body: OutgoingBody | undefined, fresh: boolean) => {
      const agent = fresh ? (secure ? freshHttpsAgent : freshHttpAgent) : secure ? httpsAgent : httpAgent;
      const sent = (secure ? https : http).request(target, { method, headers, agent });
      // Whether the connection was ever up: if not, no byte of the request reached the server.
      let connected = false;
      sent.once('socket', (socket) => (socket.connecting ? socket.once('connect', () => (connected = true)) : (connected = true)));
      sent.on('error', (error) => {
        if (sent !== request) return; // one given up for a new connection
        // A pooled connection the server closed before answering: once more, on a new one.
        if (state === 'waiting' && !fresh && sendAgain(sent, error, replayable, headers)) {
          request = send(outgoingBody(init.body), true);
          sent.destroy();
        } else fail(state === 'waiting' && !replayable && !connected ? notSent(error) : error);
      });
      sent.once('response', onResponse);
      if (body?.stream) void sendStream(body.stream, sent);
      else sent.end(body?.bytes);
      return sent;
    };

    // waiting: no response yet; reading: a small body is being read whole, the response not yet
    // handed over; body: its body is being read by the caller; done: nothing left to fail.
    let state: 'waiting' | 'reading' | 'body' | 'done' = 'waiting';
    let body: ResponseBody | undefined;
    const finish = () => {
      state = 'done';
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (reason: unknown) => {
      if (state === 'done') return;
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an abort's reason, as fetch
      if (state === 'waiting') reject(reason);
      // A body cut after the headers, as fetch words it (its reason stays the cause); an abort keeps its reason.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an abort's reason, as fetch
      else if (state === 'reading') reject(reason === signal?.reason ? reason : new TypeError('terminated', { cause: reason }));
      else body?.fail(reason);
      finish();
      request.destroy();
    };
    const onAbort = () => fail(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });

    function onResponse(res: IncomingMessage) {
      const status = res.statusCode ?? 0;
      if (init.redirect === 'error' && REDIRECT_STATUSES.has(status)) {
        return fail(new TypeError(`unexpected redirect (${status} to ${res.headers.location ?? 'no location'})`));
      }
      const hasBody = method !== 'HEAD' && !NULL_BODY_STATUSES.has(status);
      const source = hasBody ? decompressed(res, res.headers['content-encoding']) : undefined;
      // A small JSON answer (what most calls get) is read whole first and handed over as bytes,
      // which cost far less to read back than a web stream (buffered-response.ts). Event streams,
      // downloads and bodies of unknown length are handed over as they arrive. Until the bytes are
      // in, a failure (cut, abort, timeout) rejects the call as one before the response would.
      if (source && Number(res.headers['content-length']) <= SMALL_JSON && /json/i.test(res.headers['content-type'] ?? '')) {
        state = 'reading';
        return readWhole(source, fail, (bytes) => {
          let response: Response;
          try {
            response = new BufferedResponse(bytes, responseInit(res), target.href);
          } catch (error) {
            state = 'waiting'; // not a cut body: the Response's own error
            return fail(error); // a status Response refuses (above 599)
          }
          finish();
          resolve(response);
        });
      }
      const stream = source && responseBody(source, finish);
      let response: Response;
      try {
        response = webResponse(res, stream?.stream ?? null, target.href);
      } catch (error) {
        return fail(error); // a status Response refuses (above 599)
      }
      if (stream) {
        body = stream;
        state = 'body';
      } else {
        res.on('error', () => undefined).resume(); // read to its end, so the connection is free again
        finish();
      }
      resolve(response);
    }

    let request = send(payload, !replayable);
  });
}

/** Reads a body to its end; a cut or failed one calls `fail` instead (as a stream body would fail its reader). */
function readWhole(source: Readable, fail: (reason: unknown) => void, done: (bytes: Uint8Array<ArrayBuffer>) => void): void {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  source.on('data', (chunk: Uint8Array) => {
    chunks.push(chunk);
    size += chunk.byteLength;
  });
  source.on('end', () => {
    ended = true;
    const bytes = new Uint8Array(size);
    chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.byteLength), 0);
    done(bytes);
  });
  source.on('error', fail);
  source.on('close', () => ended || fail(new Error('The connection closed before the response body ended')));
}

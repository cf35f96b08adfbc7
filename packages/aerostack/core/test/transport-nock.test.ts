// Apps test their code with HTTP test doubles: nock (as msw) patches `http.request` and the
// global fetch, and must see the requests of either transport. (A file of its own: once loaded,
// nock stays in the way of every request, and the other suites test the transports bare.)

import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AerostackClient } from '../src/node';
import { KEY, TRANSPORTS } from './transports';
import { post } from '../src';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe.each(TRANSPORTS)('%s transport', (transport) => {
  it('is seen by nock, over https', async () => {
    const scope = nock('https://api.aerostack.dev')
      .post('/v1/cache/get', { key: 'a' })
      .matchHeader('x-aerostack-key', KEY)
      .reply(200, { value: 'mocked', exists: true });
    await expect(post((new AerostackClient({ apiKey: KEY, transport, logLevel: 'off' })), '/cache/get', { key: 'a' })).resolves.toEqual({ value: 'mocked', exists: true });
    expect(scope.isDone()).toBe(true);
  });
});

import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AerostackClient, AuthenticationError, BadRequestError, InvalidRequestError } from '@aerostack/core';
import { billingLog, VERSION } from '../src';
import pkg from '../package.json';
import { API_KEY, clientWith, json, rejection, scriptedFetch, sentJSON } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.unstubAllEnvs();
});
afterAll(() => nock.enableNetConnect());

it('exports the package version', () => {
  expect(VERSION).toBe(pkg.version);
});

describe('billingLog', () => {
  it('POSTs /v1/gateway/billing/log with the developer key (checked with nock)', async () => {
    let headers: Record<string, string | string[] | undefined> = {};
    const scope = nock('https://api.aerostack.dev')
      .post('/v1/gateway/billing/log', { consumerId: 'con_1', apiId: 'api_1', units: 42, metric: 'tokens' })
      .reply(function () {
        headers = this.req.headers;
        return [200, { success: true, loggedUnits: 42 }, { 'x-request-id': 'req_b' }];
      });
    const { data, requestId } = await billingLog(new AerostackClient({ apiKey: API_KEY }), { consumerId: 'con_1', apiId: 'api_1', units: 42, metric: 'tokens' }).withResponse();
    expect(scope.isDone()).toBe(true);
    expect(data).toEqual({ success: true, loggedUnits: 42 });
    expect(requestId).toBe('req_b');
    expect(headers['x-aerostack-key']).toBe(API_KEY);
    expect(headers['content-type']).toBe('application/json');
    expect(headers.authorization).toBeUndefined();
  });

  it('sends the body as given (metric optional)', async () => {
    const fetch = scriptedFetch(json({ success: true, loggedUnits: 0 }));
    await billingLog(clientWith(fetch), { consumerId: 'con_1', apiId: 'api_1', units: 0 });
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', url: 'https://api.aerostack.dev/v1/gateway/billing/log' });
    expect(sentJSON(fetch.calls[0])).toEqual({ consumerId: 'con_1', apiId: 'api_1', units: 0 });
  });

  it('raises 400 VALIDATION_ERROR as BadRequestError', async () => {
    const fieldErrors = { apiId: ['Unknown API'] };
    const fetch = scriptedFetch(json({ code: 'VALIDATION_ERROR', message: 'Invalid request', details: { fieldErrors } }, 400, { 'x-request-id': 'req_400' }));
    const error = await rejection(billingLog(clientWith(fetch), { consumerId: 'con_1', apiId: 'nope', units: 1 }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR', message: '400 VALIDATION_ERROR: Invalid request', details: { fieldErrors }, requestId: 'req_400' });
  });

  it('raises 401 AUTH_INVALID_KEY as AuthenticationError', async () => {
    const fetch = scriptedFetch(json({ code: 'AUTH_INVALID_KEY', message: 'Invalid or missing API key' }, 401, { 'x-request-id': 'req_401' }));
    const error = await rejection(billingLog(clientWith(fetch), { consumerId: 'con_1', apiId: 'api_1', units: 1 }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_INVALID_KEY', message: '401 AUTH_INVALID_KEY: Invalid or missing API key', requestId: 'req_401' });
  });

  it('reads a plain { error: "..." } body', async () => {
    const fetch = scriptedFetch(json({ error: 'Consumer not found' }, 400));
    const error = await rejection(billingLog(clientWith(fetch), { consumerId: 'x', apiId: 'api_1', units: 1 }));
    expect(error.message).toBe('400: Consumer not found');
  });

  it('checks the fields before sending', async () => {
    const fetch = scriptedFetch();
    const client = clientWith(fetch);
    const missing = await rejection(billingLog(client, { consumerId: '', apiId: 'api_1', units: 1 }));
    expect(missing).toBeInstanceOf(InvalidRequestError);
    expect(missing).toMatchObject({ code: 'VALIDATION_ERROR', message: 'consumerId is required' });
    expect((await rejection(billingLog(client, { consumerId: 'c', apiId: 'a', units: 1.5 }))).message).toBe('units must be a whole number, 0 or more');
    expect((await rejection(billingLog(client, { consumerId: 'c', apiId: 'a', units: -1 }))).details).toEqual({ field: 'units' });
    expect(fetch.calls).toHaveLength(0);
  });

  it('needs the API key (it is a developer call)', async () => {
    vi.stubEnv('AEROSTACK_API_KEY', '');
    const fetch = scriptedFetch();
    const error = await rejection(billingLog(new AerostackClient({ fetch }), { consumerId: 'c', apiId: 'a', units: 1 }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.code).toBe('MISSING_API_KEY');
  });
});

import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { AuthenticationError, BadRequestError, InternalServerError, NotFoundError, RateLimitError, type APIError } from '@aerostack/core';
import { invoke, Services, VERSION, type InvokeParams } from '../src';
import { expectRefused, recordingFetch } from '@aerostack-internal/test-utils/refused';
import pkg from '../package.json';
import { answer, client, expectPost } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

interface Receipt {
  receiptId: string;
  cents: number;
}

describe('invoke', () => {
  it('posts the service name and data, and returns the typed result', async () => {
    const { seen } = answer('/services/invoke', 200, { success: true, result: { receiptId: 'r_1', cents: 500 } }, { 'x-request-id': 'req_inv' });
    const { data, requestId } = await invoke<Receipt>(client(), { serviceName: 'billing-webhook', data: { orderId: 'o_77', items: [1, 2] } }).withResponse();
    expectTypeOf(data.result).toEqualTypeOf<Receipt>();
    expect(data).toEqual({ success: true, result: { receiptId: 'r_1', cents: 500 } });
    expect(requestId).toBe('req_inv');
    expectPost(seen, '/services/invoke', { serviceName: 'billing-webhook', data: { orderId: 'o_77', items: [1, 2] } });
  });

  it('sends null and scalar data as they are; a failed service is success: false', async () => {
    const first = answer('/services/invoke', 200, { success: false, result: null });
    expect(await invoke(client(), { serviceName: 'ping', data: null })).toEqual({ success: false, result: null });
    expectPost(first.seen, '/services/invoke', { serviceName: 'ping', data: null });

    const second = answer('/services/invoke', 200, { success: true, result: 'pong' });
    await invoke(client(), { serviceName: 'echo', data: 'x' }, { headers: { 'X-Trace': 't' }, timeout: 30_000 });
    expectPost(second.seen, '/services/invoke', { serviceName: 'echo', data: 'x' });
    expect(second.seen[0]!.headers['x-trace']).toBe('t');
  });

  const errors: [number, string, typeof APIError][] = [
    [400, 'VALIDATION_ERROR', BadRequestError],
    [401, 'AUTH_INVALID_KEY', AuthenticationError],
    [404, 'NOT_FOUND', NotFoundError],
    [429, 'RATE_LIMIT_EXCEEDED', RateLimitError],
    [500, 'INTERNAL_ERROR', InternalServerError],
  ];
  it.each(errors)('raises %i as its class with code, message, details and request id', async (status, code, ErrorClass) => {
    answer('/services/invoke', status, { code, message: 'Service refused', details: { serviceName: 'billing-webhook' } }, { 'x-request-id': `req_${status}` });
    const error = (await invoke(client({ maxRetries: 0 }), { serviceName: 'billing-webhook', data: {} }).catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe(`${status} ${code}: Service refused`);
    expect(error.details).toEqual({ serviceName: 'billing-webhook' });
    expect(error.requestId).toBe(`req_${status}`);
  });

  const loose = (value: unknown): never => value as never;
  it.each([
    ['an empty service name', { serviceName: '', data: {} }, 'serviceName', 'serviceName: a non-empty string'],
    ['a service name that is not a string', loose({ serviceName: 12, data: {} }), 'serviceName', 'serviceName: a non-empty string'],
    ['data left out', loose({ serviceName: 'x' }), 'data', 'data: a JSON value (null for none)'],
  ] as [string, InvokeParams, string, string][])('refuses %s before sending', async (_, params, field, message) => {
    const { sent, fetch } = recordingFetch();
    await expectRefused(() => invoke(client({ fetch }), params), sent, field, message);
  });
});

describe('Services', () => {
  it('invokes through the same operation', async () => {
    const { seen } = answer('/services/invoke', 200, { success: true, result: 3 });
    const services = new Services(client());
    const { result } = await services.invoke<number>({ serviceName: 'add', data: [1, 2] }, { headers: { 'X-Trace': 's' } });
    expectTypeOf(result).toEqualTypeOf<number>();
    expect(result).toBe(3);
    expectPost(seen, '/services/invoke', { serviceName: 'add', data: [1, 2] });
    expect(seen[0]!.headers['x-trace']).toBe('s');
    expect(services.client).toBeDefined();
  });

  it('exports the package version', () => {
    expect(VERSION).toBe(pkg.version);
  });
});

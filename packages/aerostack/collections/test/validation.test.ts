import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '@aerostack/core';
import { collection, create, get, list, remove, update } from '../src';
import { subscribe } from '../src/realtime';
import { expectRefused, recordingFetch } from '@aerostack-internal/test-utils/refused';
import { client } from './helpers';

const loose = (value: unknown): never => value as never;

describe('bad input is refused before anything is sent', () => {
  const { sent, fetch } = recordingFetch();
  const c = () => client({ fetch });
  const orders = collection<{ status: string }>('orders');
  const cases: [string, () => PromiseLike<unknown>, string, string][] = [
    ['an empty name', () => list(c(), ''), 'collection', 'collection: a collection handle or a non-empty name'],
    ['a handle without a name', () => get(c(), loose({}), 'x'), 'collection', 'collection: a collection handle or a non-empty name'],
    ['an empty id', () => get(c(), orders, ''), 'id', 'id: a non-empty string (or an integer)'],
    ['an id that is an object', () => remove(c(), orders, loose({ id: 1 })), 'id', 'id: a non-empty string (or an integer)'],
    ['create with an array', () => create(c(), orders, loose([1])), 'data', "data: an object of the item's fields"],
    ['update with null', () => update(c(), orders, 'x', loose(null)), 'data', "data: an object of the item's fields"],
    ['a limit of 0', () => list(c(), orders, { limit: 0 }), 'limit', 'limit: an integer from 1 to 1000'],
    ['a limit over 1000', () => list(c(), orders, { limit: 1001 }), 'limit', 'limit: an integer from 1 to 1000'],
    ['a negative offset', () => list(c(), orders, { offset: -1 }), 'offset', 'offset: an integer, 0 or more'],
    ['a filter on limit', () => list(c(), 'x', { where: { limit: 3 } }), 'where.limit', 'where.limit: "limit" is the listing\'s own query parameter and cannot be filtered on'],
    ['an object filter', () => list(c(), 'x', { where: loose({ a: { b: 1 } }) }), 'where.a', 'where.a: a string, a finite number, a boolean or null'],
    ['a NaN filter', () => list(c(), 'x', { where: { a: Number.NaN } }), 'where.a', 'where.a: a string, a finite number, a boolean or null'],
    ['where that is not an object', () => list(c(), 'x', { where: loose('a=1') }), 'where', 'where: an object of field → value'],
  ];
  it.each(cases)('%s', async (_, call, field, message) => {
    await expectRefused(call, sent, field, message);
  });

  it('subscribe refuses a collection without a name at once', () => {
    expect(() => subscribe(loose({}), '')).toThrow(InvalidRequestError);
  });
});

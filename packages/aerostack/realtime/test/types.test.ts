// Type-level checks (run by `pnpm typecheck`, which covers the tests): every WebSocket class a
// runtime offers fits the option, and the published types read as documented.
import type { AuthenticationError } from '@aerostack/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { WebSocket as WsWebSocket } from 'ws';
import type { CloseFields, PresenceEvent, Realtime, Subscription, TableChange, WebSocketConstructor } from '../src/index';
import { subscribeTable } from '../src/index';

describe('types', () => {
  it('the DOM WebSocket (browsers, Node 22, Deno, Bun, workerd) and ws fit the WebSocket option', () => {
    expectTypeOf<typeof globalThis.WebSocket>().toExtend<WebSocketConstructor>();
    expectTypeOf<typeof WsWebSocket>().toExtend<WebSocketConstructor>();
  });

  it('rows are typed by the generic, and a subscription is an async iterable of them', () => {
    interface Order {
      id: number;
    }
    expectTypeOf(subscribeTable<Order>).returns.toEqualTypeOf<Subscription<TableChange<Order>>>();
    expectTypeOf<Subscription<TableChange<Order>>>().toExtend<AsyncIterable<TableChange<Order>>>();
    expectTypeOf<TableChange<Order>['data']>().toEqualTypeOf<Order>();
    expectTypeOf<Extract<PresenceEvent<{ name: string }>, { member: unknown }>['member']['state']>().toEqualTypeOf<{ name: string }>();
    expectTypeOf<Realtime['status']>().toEqualTypeOf<'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected'>();
    expectTypeOf<AuthenticationError & CloseFields>().toHaveProperty('closeCode').toEqualTypeOf<number>();
  });
});

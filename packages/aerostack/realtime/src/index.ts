export { VERSION } from './version';
export { connect, type ConnectOptions, type Realtime, type RealtimeStatus } from './connection';
export type { Subscription } from './subscription';
export type { WebSocketConstructor, WebSocketLike } from './web-socket';
export { RealtimeError, type CloseFields } from './errors';
export { subscribeTable, type Operation, type SubscribeTableOptions, type TableChange } from './table';
export { subscribeEvents, publish, type PublishOptions, type RealtimeEvent, type SubscribeEventsOptions } from './events';
export { track, untrack, subscribePresence, type PresenceEvent, type PresenceMember } from './presence';
export { history, type HistoryMessage, type HistoryParams, type HistoryResult } from './history';

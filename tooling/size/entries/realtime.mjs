// @aerostack/realtime: what a table subscription, an event subscription with publish, presence and
// the history route each put in a browser bundle. The table path must not carry the other features'
// code (events' resume, presence, history, publish), nor history the WebSocket's.
import { REALTIME_MARK } from '../marks.mjs';

const PRESENCE = 'presence:';
const HISTORY = 'public/realtime/history';
const RESUME = 'RESUME_FAILED';
const PUBLISH = '"publish"';

export default [
  {
    name: 'realtime: connect + subscribeTable',
    // The 3 kB: 5,848 B while the client's constructor built the whole sending pipeline
    // (~3.5 kB); 3,408 B since a client only holds its settings and `request(client, spec)` builds the
    // pipeline on the first call; 3,471 B with frames routed by topic (+63 B: a frame cost 3.2x more
    // with 500 rooms on the connection, now the same as with one). The rest is the realtime code.
    budget: 3500,
    target: 3000,
    realtime: true,
    forbid: [PRESENCE, HISTORY, RESUME, PUBLISH],
    require: [REALTIME_MARK, '"subscribe"'],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { connect, subscribeTable } from '@aerostack/realtime';
      const live = connect(new AerostackClient({ apiKey: 'k' }));
      for await (const change of subscribeTable(live, 'orders')) console.log(change.operation, change.data);
    `,
  },
  {
    name: 'realtime: subscribeEvents + publish',
    budget: 6700,
    realtime: true,
    // ('presence:' is in it: '*' leaves presence events out by their prefix.)
    forbid: ['"track"'],
    require: [REALTIME_MARK, HISTORY, RESUME, PUBLISH],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { connect, publish, subscribeEvents } from '@aerostack/realtime';
      const live = connect(new AerostackClient({ apiKey: 'k' }));
      subscribeEvents(live, 'chat/lobby', { event: 'message' }).on((e) => console.log(e.data));
      await publish(live, 'chat/lobby', 'message', { text: 'hi' }, { persist: true });
    `,
  },
  {
    name: 'realtime: track + subscribePresence',
    budget: 3500, // 5,863 B before the client stopped building the pipeline; 3,445 B after
    realtime: true,
    forbid: [HISTORY, RESUME, PUBLISH],
    require: [REALTIME_MARK, PRESENCE],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { connect, subscribePresence, track } from '@aerostack/realtime';
      const live = connect(new AerostackClient({ apiKey: 'k' }));
      track(live, 'room/1', { name: 'Ada' });
      for await (const p of subscribePresence(live, 'room/1')) console.log(p.type);
    `,
  },
  {
    name: 'realtime: history (no WebSocket)',
    budget: 4000,
    forbid: [REALTIME_MARK, PRESENCE, PUBLISH],
    require: [HISTORY],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { history } from '@aerostack/realtime';
      const page = await history(new AerostackClient({ apiKey: 'k' }), { room: 'chat/lobby', limit: 20 });
      console.log(page.messages.length);
    `,
  },
];

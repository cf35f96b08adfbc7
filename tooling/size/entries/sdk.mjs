// @aerostack/sdk: the one-import facade, which reaches every service (its budget is the 16 kB).

export default [
  {
    name: 'sdk: new Aerostack().cache.get',
    budget: 16000,
    // The facade carries every service it can reach, realtime's connect (its realtime() method) too.
    realtime: true,
    forbid: [],
    code: `
      import { Aerostack } from '@aerostack/sdk';
      const aerostack = new Aerostack();
      console.log(await aerostack.cache.get({ key: 'a' }));
    `,
  },
];

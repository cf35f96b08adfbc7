// @smarter/chatbots: the seed's flow (get a chatbot by name, prompt it), through a namespace import
// that must tree-shake down to those two: the description and the prompt's route, none of the other
// operations' (zz-every-operation.mjs checks every operation's routes on its own).
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

export default [
  {
    name: 'chatbots.get + prompt',
    budget: 6000,
    forbid: ['cli/apply', 'cli/chat/config/', 'cli/prompt/config/', 'cli/deploy', 'cli/undeploy', 'cli/get', 'cli/delete', 'cli/logs', 'llm-clients/', PAGINATION_MARK, STREAM_MARK, MULTIPART_MARK],
    code: `
      import { SmarterClient } from '@smarter/core';
      import * as chatbots from '@smarter/chatbots';
      const client = new SmarterClient({ apiKey: 'k' });
      const bot = await chatbots.get(client, { name: 'stackademy' });
      const { reply, smarter } = await bot.prompt('Hello, World!');
      console.log(reply, smarter.tools, bot.sessionKey);
    `,
  },
];

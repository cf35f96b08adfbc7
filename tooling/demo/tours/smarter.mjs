// The Smarter half of the tour: a chatbot from a manifest, deployed, prompted twice in one session;
// the OpenAI-style chat, files and fine-tuning resources.
import { Chat } from '@smarter/chat';
import * as chatbots from '@smarter/chatbots';
import { SmarterClient } from '@smarter/core';
import * as files from '@smarter/files';
import { FineTuning } from '@smarter/fine-tuning';
import * as resources from '@smarter/resources';
import { expectThat } from '../lib/tour.mjs';

export async function smarterTour({ step }, target, run) {
  const client = new SmarterClient({ apiKey: target.apiKey, baseURL: target.baseURL, logLevel: 'warn' });
  const name = `demo-bot-${run}`;

  await step('@smarter/resources', 'whoami, and the server generation', async () => {
    const me = await resources.whoami(client);
    return `${me.user.username} of account ${me.account.accountNumber}; server ${await client.generation()}`;
  });

  await step('@smarter/chatbots', 'a chatbot applied from a manifest, then deployed', async () => {
    await chatbots.apply(client, {
      apiVersion: 'smarter.sh/v1',
      kind: 'Chatbot',
      metadata: { name, description: 'The demo chatbot', version: '0.1.0' },
      spec: { config: { deployed: false, defaultSystemRole: 'You are a helpful assistant.', appWelcomeMessage: 'Hello from the demo' } },
    });
    await chatbots.deploy(client, { name });
    const manifest = await chatbots.describe(client, { name });
    return expectThat(manifest.metadata.name === name, `${name}: deployed=${manifest.status?.deployed ?? manifest.spec.config.deployed}`);
  });

  await step('@smarter/chatbots', 'prompted twice in one session', async () => {
    const chatbot = await chatbots.get(client, { name });
    const first = await chatbot.prompt('What is the capital of France?');
    const second = await chatbot.prompt('And of Italy?');
    const same = first.sessionKey !== undefined && first.sessionKey === second.sessionKey;
    // The server keeps the conversation: the second turn was answered with the first one in view.
    const history = second.raw.request.messages.map((m) => m.content);
    const remembered = history.includes('What is the capital of France?');
    return expectThat(same && remembered && second.reply, `"${second.reply}", with ${history.length} messages of history (session ${first.sessionKey.slice(0, 8)}…)`);
  });

  await step('@smarter/chat', 'a chat completion', async () => {
    const completion = await new Chat(client).completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say this is a test' }] });
    return expectThat(completion.choices?.[0]?.message?.content, `"${completion.choices?.[0]?.message?.content}" (${completion.usage?.total_tokens} tokens)`);
  });

  let trainingFile;
  await step('@smarter/files', 'a training file uploaded and read back', async () => {
    const lines = [1, 2, 3].map((n) => JSON.stringify({ messages: [{ role: 'user', content: `question ${n}` }, { role: 'assistant', content: `answer ${n}` }] })).join('\n') + '\n';
    trainingFile = await files.create(client, { file: [`demo-${run}.jsonl`, lines, 'application/jsonl'], purpose: 'fine-tune' });
    const back = await (await files.content(client, { fileId: trainingFile.id })).text();
    return expectThat(back === lines, `${trainingFile.id}: ${trainingFile.bytes} bytes, identical on download`);
  });

  await step('@smarter/fine-tuning', 'jobs created, listed 2 per page, one followed to its end', async () => {
    const fineTuning = new FineTuning(client);
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: trainingFile.id, suffix: `demo-${i}` }));
    let pages = 0;
    const ids = new Set();
    for await (const page of fineTuning.jobs.list({ limit: 2 }).byPage()) {
      pages++;
      for (const job of page.items) ids.add(job.id);
    }
    const all = created.every((job) => ids.has(job.id));
    // The job moves on by itself; follow the first one to its end.
    const statuses = [created[0].status];
    for (let i = 0; i < 100 && !['succeeded', 'failed', 'cancelled'].includes(statuses.at(-1)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { status } = await fineTuning.jobs.retrieve({ jobId: created[0].id });
      if (status !== statuses.at(-1)) statuses.push(status);
    }
    return expectThat(all && pages >= 2 && statuses.at(-1) === 'succeeded', `${ids.size} jobs over ${pages} pages; ${created[0].id}: ${statuses.join(' → ')}`);
  });

  await step('@smarter/chatbots', 'undeployed and deleted', async () => {
    await chatbots.undeploy(client, { name });
    await chatbots.remove(client, { name });
    const gone = await chatbots.describe(client, { name }).catch((e) => e);
    return expectThat(gone instanceof Error && gone.name === 'NotFoundError', `describe afterwards: ${gone.name}`);
  });
}

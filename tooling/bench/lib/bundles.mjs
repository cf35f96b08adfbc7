// Benchmark 5: bundle size of one call. Each entry is a small program a user could write; esbuild
// bundles it for the browser (ESM, minified, es2022, as tooling/size does) against the installed
// packages (ours: their built dist/), and the output is gzipped at level 9. One file, no code
// splitting: a dynamic import() is bundled in.
import { bundle as measure } from '../../size/bundle.mjs';
import { BENCH_DIR } from './proc.mjs';

const MESSAGES = 'messages:[{role:"user",content:"Say hello"}]';

/** [name, what, code] */
export const ENTRIES = [
  ['raw fetch', '`fetch` + `json()` (reference)', `const r=await fetch("https://api.example.com/v1/chat/completions",{method:"POST",headers:{"content-type":"application/json",authorization:"Bearer k"},body:JSON.stringify({model:"m",${MESSAGES}})});console.log(await r.json());`],
  ['ours: cache.get', '`@aerostack/core` + `@aerostack/cache` `get`', `import {AerostackClient} from "@aerostack/core";import {get} from "@aerostack/cache";const c=new AerostackClient({apiKey:"k"});console.log(await get(c,{key:"a"}));`],
  ['ours: gateway.chatCompletions', '`@aerostack/gateway` `chatCompletions`', `import {AerostackClient} from "@aerostack/core";import {chatCompletions} from "@aerostack/gateway";const c=new AerostackClient();console.log(await chatCompletions(c,{apiSlug:"s",model:"m",${MESSAGES}},{consumerKey:"k"}));`],
  ['ours: gateway.chatCompletionsStream', '`chatCompletionsStream`, iterated', `import {AerostackClient} from "@aerostack/core";import {chatCompletionsStream} from "@aerostack/gateway";const c=new AerostackClient();for await (const x of await chatCompletionsStream(c,{apiSlug:"s",model:"m",${MESSAGES}},{consumerKey:"k"}))console.log(x);`],
  ['openai: chat.completions.create', '`new OpenAI()` + `chat.completions.create`', `import OpenAI from "openai";const c=new OpenAI({apiKey:"k",dangerouslyAllowBrowser:true});console.log(await c.chat.completions.create({model:"m",${MESSAGES}}));`],
  ['mistral (Speakeasy): chat.complete', '`new Mistral()` + `chat.complete`', `import {Mistral} from "@mistralai/mistralai";const c=new Mistral({apiKey:"k"});console.log(await c.chat.complete({model:"m",${MESSAGES}}));`],
  ['mistral (Speakeasy): standalone chatComplete', '`MistralCore` + `funcs/chatComplete` (its tree-shakeable form)', `import {MistralCore} from "@mistralai/mistralai/core.js";import {chatComplete} from "@mistralai/mistralai/funcs/chatComplete.js";const c=new MistralCore({apiKey:"k"});const r=await chatComplete(c,{model:"m",${MESSAGES}});if(r.ok)console.log(r.value);`],
  ['aws-sdk: DynamoDB GetItemCommand', '`DynamoDBClient.send(new GetItemCommand())`', `import {DynamoDBClient,GetItemCommand} from "@aws-sdk/client-dynamodb";const c=new DynamoDBClient({region:"us-east-1"});console.log(await c.send(new GetItemCommand({TableName:"t",Key:{id:{S:"a"}}})));`],
];

export async function bundle(code) {
  // @mistralai/mistralai's optional peers (dynamically imported tracing, not installed): left out
  // of every bundle, as a user without them must.
  const external = ['@opentelemetry/api', '@opentelemetry/exporter-trace-otlp-http', '@opentelemetry/resources', '@opentelemetry/sdk-trace-base'];
  const { min, gz } = await measure(code, { resolveDir: BENCH_DIR, external });
  return { minBytes: min, gzipBytes: gz };
}

export async function run() {
  const rows = [];
  for (const [name, what, code] of ENTRIES) rows.push({ name, what, ...(await bundle(code)) });
  return rows;
}

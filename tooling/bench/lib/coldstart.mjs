// Benchmark 3: cold start. A fresh `node` process that imports a client and makes its first call
// to the mock server, timed end to end by hyperfine (-N: no shell; --warmup 3; --export-json).
// hyperfine runs `invocations` times with the command order rotated, and each command's median
// is taken over all its runs pooled. Every command is `node --input-type=module -e '<code>'`,
// run in tooling/bench (so packages resolve from its node_modules), except the bare `node -e 0`.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, median, minmax, rotate } from './proc.mjs';
import { findProgram } from './tools.mjs';

/** [name, code, description]; `code` uses double quotes only (it is wrapped in single quotes). */
export function commands(baseURL) {
  const cacheGet = `${baseURL}/cache/get`;
  const chat = `${baseURL}/ai/gateway/bench`;
  const ours = (transport) =>
    `import {AerostackClient} from "@aerostack/core";import {get} from "@aerostack/cache";const c=new AerostackClient({apiKey:"ac_secret_bench",baseURL:"${baseURL}"${transport ? `,transport:"${transport}"` : ''}});const r=await get(c,{key:"greeting"});if(!r.exists)throw new Error("miss")`;
  return [
    ['bare node', null, '`node -e 0`'],
    ['bare node (ESM)', '0', '`node --input-type=module -e 0`'],
    ['node:http + 1 request', `import http from "node:http";await new Promise((ok,ko)=>{const q=http.request("${cacheGet}",{method:"POST",headers:{"content-type":"application/json"}},(s)=>{let b="";s.on("data",(d)=>b+=d);s.on("end",()=>{JSON.parse(b);ok()})});q.on("error",ko);q.end(JSON.stringify({key:"greeting"}))})`, '`http.request` + `JSON.parse` (floor)'],
    ['raw fetch + 1 request', `const r=await fetch("${cacheGet}",{method:"POST",headers:{"content-type":"application/json","x-aerostack-key":"ac_secret_bench"},body:JSON.stringify({key:"greeting"})});await r.json()`, '`fetch` + `json()`'],
    ['openai + 1 request', `import OpenAI from "openai";const c=new OpenAI({baseURL:"${chat}",apiKey:"ask_bench",maxRetries:0});await c.chat.completions.create({model:"gpt-4o-mini",messages:[{role:"user",content:"Say hello"}]})`, 'import, `new OpenAI`, one `chat.completions.create`'],
    ['ky + 1 request', `import ky from "ky";await ky.post("${cacheGet}",{json:{key:"greeting"},headers:{"x-aerostack-key":"ac_secret_bench"},retry:0}).json()`, 'import, one `ky.post(...).json()`'],
    ['ofetch + 1 request', `import {ofetch} from "ofetch";await ofetch("${cacheGet}",{method:"POST",body:{key:"greeting"},headers:{"x-aerostack-key":"ac_secret_bench"},retry:0})`, 'import, one `ofetch(...)`'],
    ['ours import only', `import {AerostackClient} from "@aerostack/core";import {get} from "@aerostack/cache";new AerostackClient({apiKey:"ac_secret_bench"})`, 'import `@aerostack/core` + `@aerostack/cache`, make a client, no request'],
    ['ours cache.get, fetch transport', ours('fetch'), "`cache.get` with `transport: 'fetch'`"],
    ['ours cache.get, Node transport', ours(''), '`cache.get`, default options (the Node transport)'],
    ['ours gateway.chatCompletions, Node transport', `import {AerostackClient} from "@aerostack/core";import {chatCompletions} from "@aerostack/gateway";const c=new AerostackClient({baseURL:"${baseURL}"});await chatCompletions(c,{apiSlug:"bench",model:"gpt-4o-mini",messages:[{role:"user",content:"Say hello"}]},{consumerKey:"ask_bench"})`, 'the same call as the openai row'],
  ];
}

function commandLine(code) {
  return code === null ? 'node -e 0' : `node --input-type=module -e '${code}'`;
}

function hyperfine(args) {
  return new Promise((resolve, reject) => {
    // bench.mjs checks for it before the first measurement (lib/tools.mjs); this is the same lookup.
    const program = findProgram('hyperfine');
    if (!program) return reject(new Error('hyperfine is not on PATH (apt-get install -y hyperfine, or set BENCH_HYPERFINE)'));
    const child = spawn(program, args, { cwd: BENCH_DIR, stdio: ['ignore', process.env.BENCH_DEBUG ? 'inherit' : 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    // A spawn that fails (ENOENT, EACCES) emits 'error', not 'close': a rejection, never an uncaught throw.
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${program}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`hyperfine exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

/** Runs the commands; resolves to rows { name, description, medianMs, runs, invocationMedians: [ms] }. */
export async function run({ baseURL, invocations, runs, warmup, progress }) {
  const list = commands(baseURL);
  const times = new Map(list.map(([name]) => [name, []]));
  const perInvocation = new Map(list.map(([name]) => [name, []]));
  for (let k = 0; k < invocations; k++) {
    const order = k % 2 ? rotate(list, k).reverse() : rotate(list, k);
    const file = join(tmpdir(), `bench-cold-${process.pid}-${k}.json`);
    const args = [...(process.env.BENCH_DEBUG ? ['--show-output'] : []), '-N', '--warmup', String(warmup), '--runs', String(runs), '--export-json', file, ...(process.env.BENCH_DEBUG ? [] : ['--style', 'none'])];
    for (const [name, code] of order) args.push('-n', name, commandLine(code));
    await hyperfine(args);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    rmSync(file, { force: true });
    for (const r of json.results) {
      times.get(r.command).push(...r.times.map((s) => s * 1000));
      perInvocation.get(r.command).push(median(r.times) * 1000);
    }
    progress?.(`cold start: hyperfine ${k + 1}/${invocations} done (${order.length} commands × ${runs} runs)`);
  }
  return list.map(([name, , description]) => ({
    name,
    description,
    medianMs: median(times.get(name)),
    runs: times.get(name).length,
    invocationRange: minmax(perInvocation.get(name)),
  }));
}

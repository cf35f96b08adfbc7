// The table writer: turns the results of a run into RESULTS.md (markdown), the same text the
// runner prints. Every section says how it was measured; the targets table comes first.

const fmt = (x, digits = 0) => {
  if (!Number.isFinite(x)) return '—';
  const s = x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return /^-[0.,]*$/.test(s) ? s.slice(1) : s; // no "-0"
};
const ratio = (x) => fmt(x, 2);
const range = ([a, b]) => (Number.isFinite(a) ? `${ratio(a)}–${ratio(b)}` : '—');

export function table(header, rows) {
  const esc = (c) => String(c ?? '').replace(/\|/g, '\\|');
  return [`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

const LABEL = {
  fetch: 'raw fetch',
  'ours-fetch': 'ours, fetch transport',
  'ours-node': 'ours, Node transport',
  openai: 'openai',
  http: 'node:http keep-alive (floor)',
  'fetch-hand': 'raw fetch + hand SSE parse',
  'fetch-esp': 'raw fetch + eventsource-parser',
};
const label = (c) => LABEL[c] ?? c;
const MODE = { seq: 'sequential', conc: '64 in flight' };

function find(rows, mode, client) {
  return rows?.find((r) => r.mode === mode && r.client === client);
}

/** [what, measured, target, met] rows. */
function targets(d) {
  const out = [];
  const check = (what, value, goal, ok, detail = '') => out.push([what, value, goal, ok === undefined ? '—' : ok ? '**met**' : '**not met**', detail]);
  for (const mode of ['seq', 'conc']) {
    const f = find(d.requests?.summary, mode, 'ours-fetch');
    const n = find(d.requests?.summary, mode, 'ours-node');
    const o = find(d.requests?.summary, mode, 'openai');
    const others = ['ky', 'ofetch'].map((c) => find(d.requests?.summary, mode, c)).filter(Boolean).map((r) => `; ${r.client} ${ratio(r.cpuRatio)}×`).join('');
    if (f) check(`Per-request CPU, fetch transport ÷ raw fetch (${MODE[mode]})`, `${ratio(f.cpuRatio)}×`, '≤ 1.05×', f.cpuRatio <= 1.05, `rounds ${range(f.cpuRatioRange)}; openai ${ratio(o?.cpuRatio)}×${others}`);
    if (n) check(`Per-request CPU, Node transport ÷ raw fetch (${MODE[mode]})`, `${ratio(n.cpuRatio)}×`, '≤ 0.50×', n.cpuRatio <= 0.5, `rounds ${range(n.cpuRatioRange)}; floor (node:http) ${ratio(find(d.requests?.summary, mode, 'http')?.cpuRatio)}×`);
  }
  for (const mode of ['seq', 'conc']) {
    const o = find(d.streaming?.summary, mode, 'openai');
    for (const client of ['ours-fetch', 'ours-node']) {
      const r = find(d.streaming?.summary, mode, client);
      if (r) check(`Streaming CPU, ${label(client).replace('ours, ', '')} ÷ fetch + hand parse (${MODE[mode]})`, `${ratio(r.cpuRatio)}×`, '≤ 1.10×', r.cpuRatio <= 1.1, `rounds ${range(r.cpuRatioRange)}; openai ${ratio(o?.cpuRatio)}×`);
    }
  }
  for (const [ours, ref, what] of [
    ['ours', 'esp', 'SSE parse, fed directly'],
    ['ours+json', 'esp+json', 'SSE parse +json, fed directly'],
  ]) {
    const a = d.sse?.rows?.find((r) => r.variant === ours);
    const b = d.sse?.rows?.find((r) => r.variant === ref);
    if (a && b) check(`${what}: ours ÷ createParser`, `${ratio(a.ratio)}× (${fmt(a.mbps)} vs ${fmt(b.mbps)} MB/s)`, '≥ 1.00×', a.ratio >= 1, `rounds ${range(a.ratioRange)}`);
  }
  const cold = (name) => d.cold?.rows?.find((r) => r.name === name);
  const cf = cold('ours cache.get, fetch transport');
  const cn = cold('ours cache.get, Node transport');
  const raw = cold('raw fetch + 1 request');
  if (cf && raw) check('Cold start, fetch transport (import + 1st call)', `${fmt(cf.medianMs, 1)} ms (raw fetch ${cf.medianMs >= raw.medianMs ? '+' : '−'} ${fmt(Math.abs(cf.medianMs - raw.medianMs), 1)})`, `≤ raw fetch + 10 = ${fmt(raw.medianMs + 10, 1)} ms`, cf.medianMs <= raw.medianMs + 10, `raw fetch ${fmt(raw.medianMs, 1)} ms; openai ${fmt(cold('openai + 1 request')?.medianMs)} ms${['ky', 'ofetch'].map((c) => cold(`${c} + 1 request`)).filter(Boolean).map((r) => `; ${r.name.split(' ')[0]} ${fmt(r.medianMs)} ms`).join('')}`);
  if (cn) check('Cold start, Node transport (import + 1st call)', `${fmt(cn.medianMs)} ms`, '≤ 80 ms', cn.medianMs <= 80, `bare node ${fmt(cold('bare node')?.medianMs)} ms`);
  for (const client of ['ours-fetch', 'ours-node']) {
    const r = d.memory?.mock?.find((x) => x.client === client);
    const e = d.memory?.emulator?.find((x) => x.client === client);
    if (r) check(`${d.memory.mib >= 1024 ? `${d.memory.mib / 1024} GiB` : `${d.memory.mib} MiB`} streamed upload, peak RSS growth, ${label(client).replace('ours, ', '')}`, `${fmt(r.growthMiB)} MiB${e ? ` (emulator: ${fmt(e.growthMiB)} MiB)` : ''}`, '< 64 MB', r.growthMiB * 1.048576 < 64 && (!e || e.growthMiB * 1.048576 < 64), `raw fetch default: ${fmt(d.memory.mock.find((x) => x.client === 'fetch')?.growthMiB)} MiB`);
  }
  const rc = d.realtime?.cpu?.filter((r) => r.variant !== 'raw') ?? [];
  for (const r of rc) check(`Realtime client CPU per event, ${REALTIME[r.variant]} ÷ raw ws + JSON.parse`, `${ratio(r.ratio)}×`, '≤ 1.10×', r.ratio <= 1.1, `rounds ${range(r.ratioRange)}; ${fmt(r.cpuUs, 2)} µs vs ${fmt(d.realtime.cpu.find((x) => x.variant === 'raw')?.cpuUs, 2)} µs`);
  return out;
}

const REALTIME = { raw: 'raw `ws` + `JSON.parse`', 'ours-on': 'ours, `subscribeEvents` + `.on()`', 'ours-iter': 'ours, `subscribeEvents` + `for await`' };

function realtimeSection(s) {
  if (s.error) return `## 6. Realtime\n\n${failed(s)}\n`;
  const cpu = table(['client', 'CPU µs/event', 'events/s', 'CPU ÷ raw', 'min–max over rounds', 'rounds'], s.cpu.map((r) => [REALTIME[r.variant], `**${fmt(r.cpuUs, 2)}**`, fmt(r.eventsPerS), r.variant === 'raw' ? '1.00' : `**${ratio(r.ratio)}**`, r.variant === 'raw' ? '—' : range(r.ratioRange), r.rounds]));
  const mem = table(['subscription', 'heap B per idle subscription', 'subscriptions', 'gc'], s.memory.map((r) => [r.what === 'table' ? '`subscribeTable`' : '`subscribeEvents` (resume on)', `**${fmt(r.bytesPerSub)}**`, fmt(r.n), r.gc ? 'yes' : 'no']));
  const fan = table(['subscribers', 'events', 'persisted', 'events/s published and delivered', 'deliveries/s (all subscribers)'], s.fanout.map((r) => [r.subscribers, fmt(r.n), r.persist ? 'yes' : 'no', `**${fmt(r.eventsPerS)}**`, fmt(r.deliveriesPerS)]));
  return `## 6. Realtime\n\n${s.method}\n\n### Client CPU per event (feed server)\n\n${cpu}\n\n### Memory per idle subscription\n\n${mem}\n\n### Through the emulator\n\n${fan}\n`;
}

/** A benchmark that did not produce figures: skipped before it started (a missing tool), or failed. */
const failed = (s) => `${s.skipped ? 'Not run' : 'Failed'}: ${s.error}`;

function requestSection(title, s, reference, intro) {
  if (!s) return '';
  if (s.error) return `### ${title}\n\n${failed(s)}\n`;
  const rows = s.summary.map((r) => [MODE[r.mode], label(r.client), fmt(r.rps), fmt(r.cpuUs), ratio(r.rpsRatio), `**${ratio(r.cpuRatio)}**`, range(r.cpuRatioRange), r.connsPerChild === undefined ? '—' : fmt(r.connsPerChild)]);
  return `### ${title}\n\n${intro}\n\n${table(['mode', 'client', 'req/s', 'CPU µs/req', `req/s ÷ ${label(reference)}`, `CPU ÷ ${label(reference)}`, 'CPU ratio, min–max over rounds', 'connections / process'], rows)}\n`;
}

export function results(d) {
  const m = d.machine;
  const parts = [];
  parts.push(`# Benchmark results

Written by \`node tooling/bench/bench.mjs\` (see README.md for the method). Figures, not a gate: the machine is shared and
noisy, absolute numbers drift by ±25% between runs; **the ratios, each taken within one round between clients run side
by side, are the anchors**.

- **Date:** ${d.started} (run took ${fmt(d.durationS / 60, 1)} min)
- **Machine:** ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB RAM; ${m.os}
- **Node:** ${m.node} (undici ${m.undici}, V8 ${m.v8}); load average at start ${m.load}, at end ${d.loadEnd}
- **Code:** commit ${d.code.commit}; our packages' dist/ built ${d.code.coreBuilt}${d.code.dirtySrc.length ? `; uncommitted src changes in ${d.code.dirtySrc.join(', ')}` : '; no uncommitted src changes'}
- **Settings:** ${d.settings}${d.still?.length ? `\n- **Partial:** written as each benchmark finished; this run had not yet run ${d.still.join(', ')}` : ''}
`);
  parts.push(`## Targets\n\n${table(['what', 'measured', 'target', 'result', 'context'], targets(d))}\n`);

  if (d.requests || d.streaming || d.emulator || d.lateEnd) parts.push(`## 1. Per-request cost\n`);
  parts.push(
    requestSection(
      '1a. Non-streaming chat completion, mock server',
      d.requests,
      'fetch',
      `The same \`POST /v1/ai/gateway/<slug>/chat/completions\` (631 B \`chat.completion\` answer) through each client, against the node:http mock server in a process of its own. ${d.requests?.method ?? ''}`,
    ),
  );
  parts.push(
    requestSection(
      '1b. Streaming chat completion, mock server',
      d.streaming,
      'fetch-hand',
      `The same route with \`"stream": true\`: 20 \`chat.completion.chunk\` events and \`data: [DONE]\` (5.4 kB, one write). Every client reads every chunk, \`JSON.parse\`s it and stops at \`[DONE]\`. Ratios are to raw fetch + a hand-written parse. ${d.streaming?.method ?? ''}`,
    ),
  );
  parts.push(
    requestSection(
      '1c. Cross-check: the emulator (workerd) as the server',
      d.emulator,
      'fetch',
      `The same non-streaming call against the emulator's gateway route (a fresh API slug per process, so no wallet runs dry). The emulator is the bottleneck: it serves far fewer requests per second than the clients can send, so **req/s here measure the emulator**; client CPU per request is still the client's. ${d.emulator?.method ?? ''}`,
    ),
  );

  if (d.lateEnd) {
    if (d.lateEnd.error) parts.push(`### 1d. Keep-alive when the body ends after \`[DONE]\`\n\n${failed(d.lateEnd)}\n`);
    else {
      const rows = d.lateEnd.summary.map((r) => [label(r.client), fmt(r.connsPerChild), fmt(r.rps), fmt(r.cpuUs), ratio(r.cpuRatio)]);
      parts.push(`### 1d. Keep-alive when the body ends after \`[DONE]\`\n\n${d.lateEnd.method}\n\n${table(['client', 'connections / process', 'streams/s', 'CPU µs/stream', 'CPU ÷ raw fetch + hand SSE parse'], rows)}\n`);
    }
  }

  if (d.sse) {
    parts.push(`## 2. SSE parsing throughput\n`);
    if (d.sse.error) parts.push(`${failed(d.sse)}\n`);
    else {
      const rows = d.sse.rows.map((r) => [r.description, `**${fmt(r.mbps)}**`, fmt(r.msPerPass, 1), r.ratio === undefined ? '—' : ratio(r.ratio), r.ratioRange ? range(r.ratioRange) : '—']);
      parts.push(`${d.sse.method}\n\n${table(['variant', 'MB/s', 'ms / pass', '÷ createParser (same json mode)', 'min–max over rounds'], rows)}\n`);
    }
  }

  if (d.cold) {
    parts.push(`## 3. Cold start\n`);
    if (d.cold.error) parts.push(`${failed(d.cold)}\n`);
    else {
      const bare = d.cold.rows.find((r) => r.name === 'bare node (ESM)')?.medianMs;
      const raw = d.cold.rows.find((r) => r.name === 'raw fetch + 1 request')?.medianMs;
      const rows = d.cold.rows.map((r) => [r.name, r.description, `**${fmt(r.medianMs)}**`, `${fmt(r.invocationRange[0])}–${fmt(r.invocationRange[1])}`, `${Math.round(r.medianMs - bare) >= 0 ? '+' : ''}${fmt(r.medianMs - bare)}`, ratio(r.medianMs / raw)]);
      parts.push(`${d.cold.method}\n\n${table(['command', 'what it does', 'median ms', 'per-invocation medians', 'minus bare ESM node', '÷ raw fetch'], rows)}\n`);
    }
  }

  if (d.memory) {
    parts.push(`## 4. Memory: ${d.memory.mib >= 1024 ? `${d.memory.mib / 1024} GiB` : `${d.memory.mib} MiB`} streamed upload\n`);
    if (d.memory.error) parts.push(`${failed(d.memory)}\n`);
    const memRows = (rows, server) => rows.map((r) => [server, r.description, `**${fmt(r.growthMiB)}**`, fmt(r.peakMiB), fmt(r.beforeMiB), fmt(r.mbps), r.rounds]);
    const rows = [...memRows(d.memory.mock ?? [], 'mock'), ...memRows(d.memory.emulator ?? [], 'emulator')];
    if (rows.length) parts.push(`${d.memory.method}\n\n${table(['server', 'client', 'peak RSS growth MiB', 'peak RSS MiB', 'RSS before MiB', 'MB/s', 'rounds'], rows)}\n`);
    if (d.memory.emulatorError) parts.push(`Emulator upload failed: ${d.memory.emulatorError}\n`);
  }

  if (d.bundles) {
    parts.push(`## 5. Bundle size of one call\n`);
    if (d.bundles.error) parts.push(`${failed(d.bundles)}\n`);
    else {
      const ours = d.bundles.rows.find((r) => r.name === 'ours: gateway.chatCompletions')?.gzipBytes;
      const rows = d.bundles.rows.map((r) => [r.name, r.what, fmt(r.minBytes), `**${fmt(r.gzipBytes)}**`, ours ? ratio(r.gzipBytes / ours) : '—']);
      parts.push(`${d.bundles.method}\n\n${table(['bundle', 'what', 'minified B', 'gzip -9 B', '÷ ours (gateway.chatCompletions)'], rows)}\n`);
    }
  }

  if (d.realtime) parts.push(realtimeSection(d.realtime));

  if (d.notes?.length) parts.push(`## Notes from this run\n\n${d.notes.map((n) => `- ${n}`).join('\n')}\n`);
  return parts.filter(Boolean).join('\n');
}

// The docs site, as CI builds it: `typedoc` (what `pnpm --filter @aerostack-internal/docs run docs`
// runs) with no warning or error, the getting-started guide as the landing page, a page per public
// package with its README and its main exports, every internal link resolving, nothing fetched from
// the network; every TypeScript example of the docs type-checks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkExamples, docsDir, publicPackages, tsdocExamples } from '../scripts/check-examples.mjs';

const site = join(docsDir, 'site');
const typedoc = join(dirname(createRequire(join(docsDir, 'package.json')).resolve('typedoc/package.json')), 'bin', 'typedoc');
const tsc = join(dirname(createRequire(join(docsDir, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');

// What each package's page must document, at least: its main function and/or class.
const MAIN_EXPORTS: Record<string, string[]> = {
  '@aerostack/core': ['AerostackClient', 'paginate', 'streamRequest', 'multipart'],
  '@aerostack/ai': ['chat', 'chatStream', 'AI'],
  '@aerostack/auth': ['signup', 'Auth'],
  '@aerostack/cache': ['get', 'Cache'],
  '@aerostack/collections': ['list', 'collection', 'Collection'],
  '@aerostack/database': ['query', 'sql', 'Database'],
  '@aerostack/gateway': ['chatCompletions', 'Gateway'],
  '@aerostack/queue': ['enqueue', 'Queue'],
  '@aerostack/realtime': ['connect', 'subscribeTable', 'subscribeEvents'],
  '@aerostack/sdk': ['Aerostack'],
  '@aerostack/services': ['invoke', 'Services'],
  '@aerostack/storage': ['upload', 'Storage'],
  '@smarter/core': ['SmarterClient'],
  '@smarter/chatbots': ['get', 'Chatbot'],
  '@smarter/resources': ['apply', 'Resources'],
  '@smarter/chat': ['createCompletion', 'Chat'],
  '@smarter/files': ['create', 'Files'],
  '@smarter/fine-tuning': ['createJob', 'FineTuning'],
};

const read = (file: string) => readFileSync(join(site, file), 'utf8');
const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** The text of an HTML page, tags dropped, whitespace collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e)
    .replace(/\s+/g, ' ');
/** The words of a README's first paragraph up to its first markdown markup, whitespace collapsed. */
const openingWords = (readme: string) => {
  const paragraph = readme.split(/\n\s*\n/).find((p) => p.trim() && !p.startsWith('#')) ?? '';
  return paragraph.split(/[[`*_]/)[0]!.replace(/\s+/g, ' ').trim();
};
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));

let build: { status: number | null; output: string; seconds: number };
/** Package (or subpath) name → its module page, e.g. '@aerostack/cache' → 'modules/_aerostack_cache.html'. */
const modulePages = new Map<string, string>();

beforeAll(() => {
  const started = Date.now();
  const run = spawnSync(process.execPath, [typedoc], { cwd: docsDir, encoding: 'utf8' });
  build = {
    status: run.status,
    // eslint-disable-next-line no-control-regex
    output: `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''),
    seconds: (Date.now() - started) / 1000,
  };
  if (existsSync(join(site, 'modules'))) {
    for (const file of readdirSync(join(site, 'modules'))) {
      const title = /<title>(.*?) \|/.exec(read(`modules/${file}`))?.[1];
      if (title) modulePages.set(title, `modules/${file}`);
    }
  }
});

describe('the TypeDoc build', () => {
  it('succeeds with no warning and no error (its time is printed, not judged: a busy machine is slow)', () => {
    expect(build.output.split('\n').filter((line) => /\[(warning|error)\]/.test(line))).toEqual([]);
    expect(build.status, build.output).toBe(0);
    console.log(`TypeDoc build: ${build.seconds.toFixed(1)} s`);
  });

  it('has the getting-started guide as its landing page, linking to every package', () => {
    const index = read('index.html');
    const text = textOf(index);
    const guide = readFileSync(join(docsDir, 'pages/getting-started.md'), 'utf8');
    expect(text).toContain(openingWords(guide));
    // Every section: install, the emulator, the cache, the facade, a chatbot, errors, retries, pagination, streaming, uploads.
    const headings = [...guide.matchAll(/^#+ (.*)$/gm)].map((m) => m[1]!.replaceAll('`', ''));
    expect(headings.length).toBeGreaterThanOrEqual(11);
    const pageHeadings = [...index.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => textOf(m[1]!).trim());
    for (const heading of headings) expect(pageHeadings, heading).toContain(heading);
    expect(text).toContain('pnpm emulator');
    for (const { name } of publicPackages()) expect(index, name).toContain(`href="${modulePages.get(name)}"`);
  });

  it('has a page per public package (18), with its README and its main exports documented', () => {
    const packages = publicPackages();
    expect(packages).toHaveLength(18);
    expect(Object.keys(MAIN_EXPORTS).sort()).toEqual(packages.map((p) => p.name).sort());
    for (const { name, dir } of packages) {
      const page = modulePages.get(name);
      expect(page, `no page for ${name}`).toBeDefined();
      const html = read(page!);
      expect(textOf(html), `${name}: README`).toContain(openingWords(readFileSync(join(dir, 'README.md'), 'utf8')));
      const slug = page!.replace(/^modules\/|\.html$/g, '');
      for (const symbol of MAIN_EXPORTS[name]!) {
        // A class, a function, or (as the core's boundary types, e.g. SmarterClient) an interface with a constructor value.
        const own = ['classes', 'functions', 'interfaces'].map((kind) => `${kind}/${slug}.${symbol}.html`).find((f) => existsSync(join(site, f)));
        expect(own, `${name}: no page for ${symbol}`).toBeDefined();
        expect(html, `${name}: no link to ${symbol}`).toContain(`href="../${own}"`);
        expect(read(own!), `${name}: ${symbol} has no signature`).toMatch(/class="tsd-signature/);
      }
    }
    // The subpath exports have their own pages.
    expect(modulePages.get('@smarter/files/node')).toBeDefined();
    expect(modulePages.get('@aerostack/collections/realtime')).toBeDefined();
  });

  it('resolves every internal link, to the page and the anchor, and loads nothing from the network', () => {
    const files = htmlFiles(site);
    const pages = new Map<string, string>();
    const page = (file: string) => pages.get(file) ?? pages.set(file, existsSync(file) ? readFileSync(file, 'utf8') : '').get(file)!;
    const broken: string[] = [];
    const remote: string[] = [];
    let links = 0;
    for (const file of files) {
      const html = page(file);
      for (const [, url] of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
        if (/^[a-z]+:/i.test(url!)) continue; // https:, mailto:, ... (plain links out)
        const [path = '', anchor] = url!.replace(/\?[^#]*/, '').split('#');
        const target = path ? join(dirname(file), path) : file;
        links++;
        if (!existsSync(target)) broken.push(`${relative(site, file)} → ${url}`);
        else if (anchor && target.endsWith('.html') && !page(target).includes(`id="${anchor}"`)) broken.push(`${relative(site, file)} → ${url} (no such anchor)`);
      }
      for (const [tag] of html.matchAll(/<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc="(?:https?:)?\/\/[^"]*"|<link\b[^>]*\bhref="(?:https?:)?\/\/[^"]*"/g)) {
        remote.push(`${relative(site, file)}: ${tag}`);
      }
    }
    expect(files.length).toBeGreaterThan(16);
    expect(links).toBeGreaterThan(files.length);
    expect(broken).toEqual([]);
    expect(remote).toEqual([]);
  });
});

describe('the examples of the docs', () => {
  it('type-check: the guide, and any TSDoc example of the packages (tooling/config/readme-examples.js)', () => {
    const results = checkExamples();
    for (const { title, ok, output } of results) expect(ok, `${title}:\n${output}`).toBe(true);
    expect(results.find((r) => r.title === 'pages/getting-started.md')?.examples).toBeGreaterThanOrEqual(8);
  });

  it('of every package README are type-checked by its own typecheck script', () => {
    for (const { name, dir } of publicPackages()) {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
      expect(pkg.scripts?.typecheck, name).toContain('tooling/config/readme-examples.js');
    }
  });

  it('in TSDoc comments are found as TypeDoc renders them', () => {
    const source = [
      '/**',
      ' * Reads a key.',
      ' *',
      ' * @example',
      " * const hit = await get(client, { key: 'a' });",
      ' *',
      ' * @param client - the client',
      ' */',
      '/**',
      ' * @example Writing',
      ' * ```ts',
      " * await set(client, { key: 'a', value: 1 });",
      ' * ```',
      ' * ```sh',
      ' * not typescript',
      ' * ```',
      ' */',
    ].join('\n');
    expect(tsdocExamples(source).map((e: { code: string }) => e.code)).toEqual([
      "const hit = await get(client, { key: 'a' });\n",
      "await set(client, { key: 'a', value: 1 });\n",
    ]);
  });
});

it("this package's test, example checker and TypeDoc plugin type-check (tsc, strict)", () => {
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', docsDir], { encoding: 'utf8' });
  expect(`${run.stdout}${run.stderr}`).toBe('');
  expect(run.status).toBe(0);
});

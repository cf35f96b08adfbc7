#!/usr/bin/env node
// Type-checks the TypeScript examples of the docs site that no package's `typecheck` covers, with
// the checker the packages run on their READMEs (tooling/config/readme-examples.js), so the rules
// are the same: every ```ts block is a module of its own, compiled by tsc with the repository's
// settings (tsconfig.base.json); a block fenced ```ts nocheck is skipped. The sets:
//
//   pages/*.md      the getting-started guide (the site's landing page);
//   TSDoc           @example tags and ```ts blocks in the TSDoc comments of the public packages'
//                   sources (there are none today; the set is checked as soon as one appears).
//
// The packages' READMEs (their pages on the site) are checked by each package's own `typecheck`.
//
// Each set is laid out in .examples/<set>/ as a package the checker understands (README.md,
// package.json, tsconfig.json), and the checker runs there. Imports resolve as in a user's app: to
// the built packages (dist/) through this package's dependencies, so build first (`pnpm build`;
// turbo does before `test`).
//
//   node scripts/check-examples.mjs        exit code 1 when an example does not type-check
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const docsDir = join(here, '..');
const root = join(docsDir, '../..');
const checker = join(root, 'tooling/config/readme-examples.js');
const examplesDir = join(docsDir, '.examples');
const fence = '```';

/** The public packages: `{ name, dir }` for every package under packages/aerostack and packages/smarter that is not private. */
export function publicPackages() {
  return ['aerostack', 'smarter'].flatMap((platform) =>
    readdirSync(join(root, 'packages', platform), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(root, 'packages', platform, d.name))
      .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
      .filter(({ pkg }) => !pkg.private)
      .map(({ dir, pkg }) => ({ name: pkg.name, dir })),
  );
}

/**
 * The TypeScript examples of TSDoc comments in a source text, as TypeDoc renders them: every
 * ```ts / ```typescript block of a comment, and the whole text of an `@example` tag that has no
 * code block (TypeDoc shows that as TypeScript, less a `<caption>`). `line` is 1-based.
 * @param {string} source
 * @returns {{ code: string, line: number }[]}
 */
export function tsdocExamples(source) {
  const examples = [];
  for (const comment of source.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const startLine = source.slice(0, comment.index).split('\n').length;
    const lines = (comment[1] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    const text = lines.join('\n');
    for (const block of text.matchAll(/^```(?:ts|typescript)[ \t]*\n([\s\S]*?)^```/gm)) {
      examples.push({ code: block[1] ?? '', line: startLine + text.slice(0, block.index).split('\n').length });
    }
    // @example tags: from the tag to the next block tag (at the start of a line) or the end.
    for (const tag of text.matchAll(/@example\b([\s\S]*?)(?=^\s*@[a-zA-Z]+\b|$(?![\s\S]))/gm)) {
      const body = tag[1] ?? '';
      if (body.includes(fence)) continue; // its code blocks were taken above
      const code = body.replace(/^\s*<caption>.*?<\/caption>/, '').trim();
      if (code) examples.push({ code: `${code}\n`, line: startLine + text.slice(0, tag.index).split('\n').length - 1 });
    }
  }
  return examples;
}

/** @param {string} dir */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.[cm]?tsx?$/.test(d.name))
    .map((d) => join(d.parentPath ?? d.path, d.name));
}

/** The example sets to check: `{ id, title, markdown }`, markdown holding the ```ts blocks. */
export function exampleSets() {
  const sets = readdirSync(join(docsDir, 'pages'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ id: `pages-${f.replace(/\.md$/, '')}`, title: `pages/${f}`, markdown: readFileSync(join(docsDir, 'pages', f), 'utf8') }));
  const blocks = publicPackages().flatMap(({ dir }) =>
    sourceFiles(join(dir, 'src')).flatMap((file) =>
      tsdocExamples(readFileSync(file, 'utf8')).map(({ code, line }) => `${fence}ts\n// ${relative(root, file)}:${line}\n${code}${fence}\n`),
    ),
  );
  sets.push({ id: 'tsdoc', title: 'TSDoc examples of the packages', markdown: blocks.join('\n') });
  return sets;
}

/**
 * Line numbers of the ```ts blocks of a markdown text, in order (to say where example-N comes from).
 * @param {string} markdown
 */
function blockLines(markdown) {
  return markdown
    .split('\n')
    .map((line, i) => (line === `${fence}ts` ? i + 1 : 0))
    .filter(Boolean);
}

/**
 * Checks every set with tooling/config/readme-examples.js. Returns one result per set:
 * `{ title, examples, ok, output }`; a set without examples is not run (tsc refuses an empty program).
 */
export function checkExamples() {
  rmSync(examplesDir, { recursive: true, force: true });
  return exampleSets().map(({ id, title, markdown }) => {
    const examples = blockLines(markdown).length;
    if (examples === 0) return { title, examples, ok: true, output: `no examples in ${title}` };
    const dir = join(examplesDir, id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'README.md'), markdown);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: title, private: true, type: 'module' }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: relative(dir, join(root, 'tsconfig.base.json')) }));
    const run = spawnSync(process.execPath, [checker], { cwd: dir, encoding: 'utf8' });
    let output = `${run.stdout}${run.stderr}`.trim();
    const ok = run.status === 0;
    if (!ok) {
      const failing = new Set([...output.matchAll(/example-(\d+)\.ts\(/g)].map((m) => Number(m[1])));
      const where = blockLines(markdown)
        .map((line, i) => (failing.has(i + 1) ? `  example-${i + 1}.ts is the block at ${title}:${line}` : ''))
        .filter(Boolean);
      output += `\n(files in ${relative(process.cwd(), join(dir, '.readme-examples'))})\n${where.join('\n')}`;
    }
    return { title, examples, ok, output };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = checkExamples();
  for (const { output } of results) console.log(output);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

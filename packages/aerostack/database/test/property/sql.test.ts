// Properties of the SQL tagged template (src/sql.ts, src/join.ts): for random statements built from
// random literal text, hostile values, nested `sql` fragments, `join` lists (with and without
// separators that carry values), `unsafeRaw` pieces, and fragments used twice, the text holds a `?`
// exactly where a value was and never a value's text; the params are the values, in order, by
// identity; no fragment changes when composed. On the wire, a statement is either sent as
// { sql, params } with the values only in params, or refused before anything is sent.
//
// No SQLite is available to run the statements (none in the workspace; none is added).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '@aerostack/core';
import { join, query, sql, unsafeRaw, type SqlQuery } from '../../src';
import { client } from '../helpers';

/** Every value's text carries this mark; literal SQL never does. Finding it in the SQL text means a value leaked. */
const MARK = '\u0001';
const runs = (n: number): number => Math.max(1, Math.round(n * Number(process.env.FC_RUNS_SCALE ?? 1)));
// A fixed seed, as in core's property tests: every run checks the same cases, however busy the
// machine; no property has a time budget. FC_SEED explores others.
const SEED = Number(process.env.FC_SEED || 20261207);
if (!Number.isSafeInteger(SEED)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(process.env.FC_SEED)}`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: SEED });

type Node =
  | { t: 'value'; v: unknown }
  | { t: 'sql'; strings: string[]; children: Node[] }
  | { t: 'join'; items: Node[]; sep: Extract<Node, { t: 'sql' | 'raw' }> | undefined }
  | { t: 'raw'; text: string }
  /** The same built fragment interpolated twice. */
  | { t: 'twice'; child: Extract<Node, { t: 'sql' }> };

// Literal SQL as a programmer writes it: keywords, punctuation, any text, never `?` (so that the
// placeholders can be counted) and never the mark.
const literal = fc
  .array(
    fc.oneof(
      fc.constantFrom('SELECT ', ' FROM t', ' WHERE a = ', ' AND ', ' OR ', ', ', '(', ')', ' IN (', " 'quoted' ", ' -- comment\n', ' /* c */ ', ';', ' LIMIT ', '"col"', '`x`'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join('').replace(/[?\u0001]/g, ''));

const hostileString = fc
  .oneof(
    fc.constantFrom("'; DROP TABLE users; --", "1' OR '1'='1", '*/ DROP TABLE t /*', '\0', '?', '??', '$1', ':name', '@p', '${x}', '\\', 'x\n--\ny', 'é日👋', ''),
    fc.string({ unit: 'binary', maxLength: 20 }),
  )
  .map((s) => MARK + s);

/** Values of every kind, bound as parameters. Some look like fragments; none is one. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, NaN, Infinity, -Infinity, 10n, Symbol('s'), () => 1, [1, 2], new Date(0)) },
  {
    weight: 1,
    arbitrary: hostileString.map((s) => [
      { sql: s, params: [] }, // a look-alike from JSON
      JSON.parse(JSON.stringify(sql`DROP TABLE ${s}`)) as unknown, // a real fragment after a JSON round trip
      { ...sql`${unsafeRaw(s)}` }, // a spread fragment: the mark is not copied
      { toString: () => s },
    ]).chain((forms) => fc.constantFrom(...forms)),
  },
);

const { node } = fc.letrec<{ node: Node; frag: Extract<Node, { t: 'sql' }>; sep: Extract<Node, { t: 'sql' | 'raw' }> }>((tie) => ({
  frag: fc
    .array(tie('node'), { maxLength: 4, depthIdentifier: 'sql' })
    .chain((children) => fc.array(literal, { minLength: children.length + 1, maxLength: children.length + 1 }).map((strings) => ({ t: 'sql' as const, strings, children }))),
  sep: fc.oneof(fc.constant({ t: 'raw' as const, text: ' UNION ' }), tie('frag')),
  node: fc.oneof(
    { depthSize: 'small', depthIdentifier: 'sql', withCrossShrink: true },
    { weight: 6, arbitrary: value.map((v) => ({ t: 'value' as const, v })) },
    { weight: 2, arbitrary: tie('frag') },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('join' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 4, depthIdentifier: 'sql' }), sep: fc.option(tie('sep'), { nil: undefined }) }) },
    { weight: 1, arbitrary: literal.map((text) => ({ t: 'raw' as const, text })) },
    { weight: 1, arbitrary: tie('frag').map((child) => ({ t: 'twice' as const, child })) },
  ),
}));
const statement = fc.array(literal, { minLength: 1, maxLength: 1 }).chain(([first]) =>
  fc.array(node, { maxLength: 5 }).chain((children) =>
    fc.array(literal, { minLength: children.length, maxLength: children.length }).map((rest): Extract<Node, { t: 'sql' }> => ({ t: 'sql', strings: [first!, ...rest], children })),
  ),
);

/** A template strings array, as the compiler makes one for sql`...` with these literal parts. */
const template = (strings: string[]): TemplateStringsArray => Object.assign([...strings], { raw: [...strings] });

/** What each interpolated node must add: its text and its params. */
function model(n: Node): { sql: string; params: unknown[] } {
  switch (n.t) {
    case 'value':
      return { sql: '?', params: [n.v] };
    case 'raw':
      return { sql: n.text, params: [] };
    case 'sql': {
      const parts = n.children.map(model);
      return { sql: n.strings.map((s, i) => (i ? parts[i - 1]!.sql : '') + s).join(''), params: parts.flatMap((p) => p.params) };
    }
    case 'join': {
      const sep = n.sep ? model(n.sep) : { sql: ', ', params: [] };
      const items = n.items.map(model);
      return { sql: items.map((i) => i.sql).join(sep.sql), params: items.flatMap((item, i) => (i ? [...sep.params, ...item.params] : item.params)) };
    }
    case 'twice': {
      const c = model(n.child);
      return { sql: `${c.sql} + ${c.sql}`, params: [...c.params, ...c.params] };
    }
  }
}

/** Builds the statement with the real functions, recording every fragment with a snapshot taken when it was made. */
function build(n: Node, made: { q: SqlQuery; sql: string; params: unknown[] }[]): unknown {
  const keep = (q: SqlQuery): SqlQuery => (made.push({ q, sql: q.sql, params: [...q.params] }), q);
  switch (n.t) {
    case 'value':
      return n.v;
    case 'raw':
      return keep(unsafeRaw(n.text));
    case 'sql':
      return keep(sql(template(n.strings), ...n.children.map((c) => build(c, made))));
    case 'join':
      return keep(n.sep ? join(n.items.map((c) => build(c, made)), build(n.sep, made) as SqlQuery) : join(n.items.map((c) => build(c, made))));
    case 'twice': {
      const f = build(n.child, made);
      return keep(sql`${f} + ${f}`);
    }
  }
}

const placeholders = (text: string): number => text.split('?').length - 1;
const sameValues = (a: unknown[], b: unknown[]): boolean => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('sql`...`: properties', () => {
  it('puts a ? exactly where each value was, never a value\'s text; params are the values in order (by identity); fragments compose and stay unchanged', () => {
    fc.assert(
      fc.property(statement, (s) => {
        const made: { q: SqlQuery; sql: string; params: unknown[] }[] = [];
        const q = build(s, made) as SqlQuery;
        const want = model(s);
        expect(q.sql).toBe(want.sql);
        expect(sameValues(q.params, want.params)).toBe(true);
        expect(placeholders(q.sql)).toBe(q.params.length);
        expect(q.sql.includes(MARK)).toBe(false);
        expect(Object.keys(q)).toEqual(['sql', 'params']);
        // Composing never changed a fragment made before (their text and params are as they were made).
        for (const m of made) {
          expect(m.q.sql).toBe(m.sql);
          expect(sameValues(m.q.params, m.params)).toBe(true);
        }
      }),
      { numRuns: runs(3000) },
    );
  });

  it('a JSON round trip of a statement keeps the text and is no longer a fragment', () => {
    fc.assert(
      fc.property(statement, (s) => {
        const q = build(s, []) as SqlQuery;
        let json: string;
        try {
          json = JSON.stringify(q);
        } catch {
          return; // a bigint param: not JSON; query() refuses it (next property)
        }
        const back = JSON.parse(json) as SqlQuery;
        expect(back.sql).toBe(q.sql);
        expect(Object.keys(back)).toEqual(['sql', 'params']);
        // Interpolated again, the copy is a value, not SQL.
        expect(sql`SELECT ${back}`.sql).toBe('SELECT ?');
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe('query(): on the wire', () => {
  /** What the statement check refuses: values that do not survive JSON as themselves. */
  const unsendable = (v: unknown): boolean =>
    v === undefined || typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint' || Array.isArray(v) || (typeof v === 'number' && !Number.isFinite(v));

  it('sends { sql, params } with the values only in params, or refuses the first unsendable value before sending anything', async () => {
    await fc.assert(
      fc.asyncProperty(statement, async (s) => {
        const q = build(s, []) as SqlQuery;
        const sent: string[] = [];
        const fetch = async (_: RequestInfo | URL, init: RequestInit = {}) => {
          sent.push(init.body as string);
          return Response.json({ results: [], count: 0 });
        };
        const bad = q.params.findIndex(unsendable);
        const result = await query(client({ fetch, logLevel: 'off' }), q).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (bad >= 0) {
          expect(result).toBeInstanceOf(InvalidRequestError);
          expect((result as InvalidRequestError).details).toEqual({ field: `params[${bad}]` });
          expect(sent).toEqual([]);
          return;
        }
        expect(result).toBeUndefined();
        expect(sent).toHaveLength(1);
        const body = JSON.parse(sent[0]!) as { sql: string; params: unknown[] };
        expect(Object.keys(body)).toEqual(['sql', 'params']);
        expect(body.sql).toBe(q.sql);
        expect(body.sql.includes(MARK)).toBe(false);
        expect(body.params).toEqual(JSON.parse(JSON.stringify(q.params)));
        expect(placeholders(body.sql)).toBe(body.params.length);
      }),
      { numRuns: runs(1000) },
    );
  });
});

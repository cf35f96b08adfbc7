// Cutting SQL text into statements (migration files; DDL through the API), without a parser.
import { describe, expect, it } from 'vitest';
import { isDdl, splitStatements } from '../src/sql-statements';

const sqls = (text: string) => splitStatements(text).map((s) => s.sql);

describe('splitStatements', () => {
  it('cuts at `;` outside strings, quoted names and comments; drops comments and empty statements', () => {
    const text = `-- a migration
CREATE TABLE "a;b" (x TEXT DEFAULT 'semi;colon', [c;d] INTEGER, \`e;f\` TEXT); /* block; comment */
INSERT INTO "a;b" (x) VALUES ('it''s; fine'), ("quoted"";name");;
  ;
-- trailing comment; with a semicolon
`;
    expect(sqls(text)).toEqual([`CREATE TABLE "a;b" (x TEXT DEFAULT 'semi;colon', [c;d] INTEGER, \`e;f\` TEXT)`, `INSERT INTO "a;b" (x) VALUES ('it''s; fine'), ("quoted"";name")`]);
  });

  it('keeps a trigger body (BEGIN ... END, with CASE ... END inside) in one statement', () => {
    const text = `CREATE TEMP TRIGGER IF NOT EXISTS t AFTER INSERT ON a BEGIN
  UPDATE a SET x = CASE WHEN NEW.x IS NULL THEN 'none' ELSE NEW.x END WHERE rowid = NEW.rowid;
  INSERT INTO log VALUES ('a; b');
END;
SELECT CASE WHEN 1 THEN 'x;' END; SELECT 2`;
    const out = sqls(text);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^CREATE TEMP TRIGGER .*\sEND$/s);
    expect(out[0]).toContain("INSERT INTO log VALUES ('a; b');");
    expect(out.slice(1)).toEqual(["SELECT CASE WHEN 1 THEN 'x;' END", 'SELECT 2']);
  });

  it('a comment-only or empty text has no statement; an unterminated string or comment runs to the end', () => {
    expect(sqls('-- nothing\n/* at all */ ;  ')).toEqual([]);
    expect(sqls('')).toEqual([]);
    expect(sqls("SELECT 'open; string")).toEqual(["SELECT 'open; string"]);
    expect(sqls('SELECT 1 /* open; comment')).toEqual(['SELECT 1']);
  });

  it('isDdl: CREATE, ALTER and DROP statements (in any case, after comments), not the others', () => {
    const ddl = (text: string) => splitStatements(text).map(isDdl);
    expect(ddl('create table t (x); Alter TABLE t ADD y; /* c */ DROP INDEX i; -- c\n drop view v')).toEqual([true, true, true, true]);
    expect(ddl("INSERT INTO t VALUES ('CREATE TABLE x'); SELECT 1; UPDATE t SET x = 'drop'; WITH c AS (SELECT 1) SELECT * FROM c; PRAGMA table_list")).toEqual([false, false, false, false, false]);
    expect(ddl('INSERT INTO t VALUES (1); DROP TABLE t')).toEqual([false, true]);
  });
});

// SQL text cut into its statements, as SQLite reads it, without parsing it: for the migration files
// (each statement is prepared on its own, in one D1 batch) and to tell DDL sent through the API.
//
// A `;` ends a statement unless it is inside a string ('...'), a quoted name ("...", `...`,
// [...]), a comment (which is dropped: D1 refuses a text whose last part is only a comment, "SQL
// code did not contain a statement"), or a BEGIN ... END body of CREATE TRIGGER (CASE ... END
// nests inside it). Statements that hold only comments or spaces are left out.

export interface SqlStatement {
  /** The statement's text without its comments and its closing `;`. */
  sql: string;
  /** Its first keyword, upper-case (`CREATE`, `INSERT`, ...), or '' when it starts otherwise. */
  keyword: string;
}

/** What SQLite's DDL starts with; the platform refuses these through the API. */
const DDL = new Set(['CREATE', 'ALTER', 'DROP']);

export const isDdl = (statement: SqlStatement): boolean => DDL.has(statement.keyword);

const WORD_START = /[A-Za-z_]/;
const WORD = /[A-Za-z0-9_$]/;
const CLOSING: Record<string, string> = { "'": "'", '"': '"', '`': '`', '[': ']' };

export function splitStatements(text: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  let sql = '';
  let words: string[] = []; // the statement's first three keywords
  let depth = 0; // open BEGIN (of a trigger) and CASE
  const flush = () => {
    const trimmed = sql.trim();
    if (trimmed) out.push({ sql: trimmed, keyword: /^[A-Za-z_]/.test(trimmed) ? (words[0] ?? '') : '' });
    sql = '';
    words = [];
    depth = 0;
  };
  const isTrigger = () => words[0] === 'CREATE' && (words[1] === 'TRIGGER' || ((words[1] === 'TEMP' || words[1] === 'TEMPORARY') && words[2] === 'TRIGGER'));

  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const closing = CLOSING[c];
    if (closing) {
      // A quoted string or name, to its closing quote (a doubled quote is one inside it; `]` is never doubled).
      let end = i + 1;
      for (;;) {
        const at = text.indexOf(closing, end);
        if (at === -1) {
          end = text.length;
          break;
        }
        if (closing !== ']' && text[at + 1] === closing) {
          end = at + 2;
          continue;
        }
        end = at + 1;
        break;
      }
      sql += text.slice(i, end);
      i = end;
    } else if (c === '-' && text[i + 1] === '-') {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
      sql += ' ';
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
      sql += ' ';
    } else if (c === ';' && depth === 0) {
      flush();
      i++;
    } else if (WORD_START.test(c)) {
      let end = i + 1;
      while (end < text.length && WORD.test(text[end] as string)) end++;
      const word = text.slice(i, end).toUpperCase();
      if (words.length < 3) words.push(word);
      if (word === 'CASE' || (word === 'BEGIN' && isTrigger())) depth++;
      else if (word === 'END' && depth > 0) depth--;
      sql += text.slice(i, end);
      i = end;
    } else {
      sql += c;
      i++;
    }
  }
  flush();
  return out;
}

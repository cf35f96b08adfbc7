// A small YAML emitter for manifests: block maps and lists, scalars quoted whenever a YAML 1.1 or
// 1.2 reader could take them for anything but a string (the platform reads YAML with PyYAML, a 1.1
// reader: `yes`, `on`, `1:20` and `2024-01-01` are not strings there). No parser: YAML text goes
// to the server as is.

// Plain (unquoted) only when it starts with a letter and holds nothing YAML gives a meaning to.
const PLAIN = /^[\p{L}_][\p{L}\p{N}_ ./@+:#()-]*$/u;
const AMBIGUOUS = /: |:$| #| $/;
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|nan|inf)$/i;
// What a double-quoted scalar must escape beyond JSON's escapes: characters YAML does not allow
// raw, and those a 1.1 reader takes for line breaks (NEL, LS, PS).
const UNPRINTABLE = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;
const LITERAL_UNSAFE = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]|[ \t](?:\n|$)/u;

function quoted(s: string): string {
  return JSON.stringify(s).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string scalar. With `indent`, multi-line text becomes a literal block (`|`) indented by it. */
function scalar(s: string, indent?: string): string {
  if (PLAIN.test(s) && !AMBIGUOUS.test(s) && !RESERVED.test(s)) return s;
  if (indent === undefined || !s.includes('\n') || !/\S/.test(s) || LITERAL_UNSAFE.test(s)) return quoted(s);
  // The indentation is given explicitly when the text itself starts with spaces; a final line
  // break is clipped (`|`), several are kept (`|+`), none is stripped (`|-`).
  const header = `|${s.replace(/^\n+/, '').startsWith(' ') ? '2' : ''}${s.endsWith('\n\n') ? '+' : s.endsWith('\n') ? '' : '-'}`;
  const lines = (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
  return header + lines.map((line) => `\n${line && indent + line}`).join('');
}

function number(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  // `1e+21` is a string to YAML 1.1 readers; `1.0e+21` is a number to both.
  return String(n).replace(/^(-?\d+)e/, '$1.0e');
}

/** A value after `key:` or `-`: ` scalar`, or its block lines, each starting with a line break. */
function node(value: unknown, indent: string): string {
  if (typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function') value = (value as { toJSON: () => unknown }).toJSON();
  if (typeof value === 'string') return ' ' + scalar(value, indent);
  if (typeof value === 'number') return ' ' + number(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return ` ${value}`;
  if (typeof value !== 'object' || value === null) return ' null';
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (!value.length) return ' []';
    // A block item shares the `- ` line with its first key: `- name: a`.
    return value
      .map((item) => {
        const child = node(item, inner);
        return `\n${indent}-${child.startsWith('\n') ? ' ' + child.slice(inner.length + 1) : child}`;
      })
      .join('');
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!entries.length) return ' {}';
  return entries.map(([key, v]) => `\n${indent}${scalar(key)}:${node(v, inner)}`).join('');
}

/**
 * A manifest (or any JSON-like value) as YAML text: block style, keys in the order given, strings
 * quoted whenever a YAML 1.1 or 1.2 reader could read them as something else, multi-line strings
 * as literal blocks. `undefined`, functions and symbols are left out of maps (null in lists), as
 * `JSON.stringify` does; `toJSON()` is honoured (a Date becomes its ISO string).
 */
export function toYAML(value: unknown): string {
  return (typeof value === 'string' ? scalar(value) : node(value, '').slice(1)) + '\n';
}

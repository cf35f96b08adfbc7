// The `Range` header of a GET on a stored object (RFC 9110 §14): one byte range, or none.
//
// Only a single range is served: a header with several (`bytes=0-1,5-6`), an unknown unit or a
// malformed one is ignored and the whole object answered with 200, which RFC 9110 allows ("a server
// MAY ignore the Range header field"). A well-formed range that starts past the end (or a suffix of
// 0 bytes, or any range of an empty object) is unsatisfiable: 416 with a Content-Range of the size alone.

export type RangeAnswer = { kind: 'whole' } | { kind: 'part'; offset: number; length: number } | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/i;

export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  const match = header ? SINGLE.exec(header.trim()) : null;
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // A suffix: the last `n` bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    const length = Math.min(n, size);
    return { kind: 'part', offset: size - length, length };
  }
  const offset = Number(first);
  if (last !== '' && Number(last) < offset) return { kind: 'whole' }; // invalid (last before first): ignored
  if (offset >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'part', offset, length: end - offset + 1 };
}

// `bytes <first>-<last>/<size>` for a part; for an unsatisfiable range, an asterisk in place of the range.
export function contentRange(answer: RangeAnswer, size: number): string | undefined {
  if (answer.kind === 'part') return `bytes ${answer.offset}-${answer.offset + answer.length - 1}/${size}`;
  if (answer.kind === 'unsatisfiable') return `bytes */${size}`;
  return undefined;
}

// A subscription's filter: an object of column → value; a row matches when every pair equals the
// row's value (a primitive by ===, an object or array by its JSON text).
export type Filter = Record<string, unknown>;

const same = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));

export function matches(filter: Filter | null, row: Record<string, unknown> | null): boolean {
  if (!filter) return true;
  if (!row) return false;
  return Object.entries(filter).every(([column, value]) => same(row[column], value));
}

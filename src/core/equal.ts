type Row = Record<string, unknown>;

/** Equal as JSON data, whatever the key order; undefined fields count as absent. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameData(item, b[index]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = Object.keys(a).filter((key) => (a as Row)[key] !== undefined);
  const right = Object.keys(b).filter((key) => (b as Row)[key] !== undefined);
  if (left.length !== right.length) return false;
  return left.every((key) => sameData((a as Row)[key], (b as Row)[key]));
}

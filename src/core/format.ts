/**
 * A whole number with thousands separators, "10,000". Plain string work:
 * `toLocaleString` builds an ICU formatter on every call, which made the
 * backup schema (built when the app loads) cost a fifth of a second.
 */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value)) return String(value);
  const digits = String(Math.abs(value));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value < 0 ? `-${grouped}` : grouped;
}

const collator = new Intl.Collator();

/**
 * Orders names as `a.localeCompare(b)` does, with one collator made once:
 * `localeCompare` looks the locale's rules up again on every call, which
 * showed in sorting the catalog and a large library.
 */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * The text with control, line-separator and text-direction characters written
 * as \uXXXX, for a one-line message that quotes a file (a JSON parser's
 * excerpt, an id, an archive entry's name): the file may hold anything.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

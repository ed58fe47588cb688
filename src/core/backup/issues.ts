import type * as v from 'valibot';

/** True for `{}`-style objects (not arrays, dates, class instances). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A string as JSON, cut to `max` characters so a hostile value cannot fill a message. */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** `recipes[12] (id "r-abc")`, naming a record by its place (when it has one) and its id (when it has one). */
export function recordLabel(table: string, index: number | null, record: unknown): string {
  const id = isPlainObject(record) && typeof record.id === 'string' ? ` (id ${quote(record.id)})` : '';
  return `${table}${index === null ? '' : `[${index}]`}${id}`;
}

/** `label.field[2]["odd key"]`: the rest of a path after a record's label. */
export function fieldPath(label: string, keys: readonly unknown[]): string {
  for (const key of keys) {
    if (typeof key === 'number') label += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) label += label ? `.${key}` : key;
    else label += `[${quote(String(key))}]`;
  }
  return label;
}

/**
 * One line for a valibot issue: where (through `where`, which names the
 * first keys) and what. valibot's object schema takes a list as well, and
 * then reports each field as missing: the list is named instead.
 */
export function issueMessage(issue: v.BaseIssue<unknown>, root: unknown, where: (keys: readonly unknown[]) => string): string {
  const keys = (issue.path ?? []).map((item) => item.key);
  let value: unknown = root;
  for (const [depth, key] of keys.entries()) {
    if (Array.isArray(value) && typeof key === 'string') return `${where(keys.slice(0, depth))}: must be an object`;
    value = Array.isArray(value) || isPlainObject(value) ? (value as Record<string | number, unknown>)[key as string | number] : undefined;
  }
  const place = where(keys);
  // A key that is absent shows up as an object issue about undefined.
  const missing = issue.type === 'object' && issue.received === 'undefined' && keys.length > 0;
  const what = missing ? 'is missing' : issue.message;
  return place ? `${place}: ${what}` : what;
}

/** "message (and 3 more problems)". */
export function withMore(message: string, more: number): string {
  return more > 0 ? `${message} (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : message;
}

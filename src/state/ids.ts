/** A new unique id for a stored record, with a short prefix naming its kind. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** Now as an ISO timestamp. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today in the user's time zone, YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A new id for an ingredient line: short, as it only needs to be unique within its recipe. */
export function newLineId(): string {
  return `l-${crypto.randomUUID().slice(0, 8)}`;
}

/** `WHERE a AND b…` from a store's filter conditions, or nothing when there are none. */
export function sqlWhere(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
}

/** A nullable time column (epoch milliseconds, as the SQLite stores keep times) as a date. */
export function dateOrNull(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}

/** A nullable date as its time column: epoch milliseconds, or NULL. */
export function epochOrNull(date: Date | null | undefined): number | null {
  return date?.getTime() ?? null;
}

/**
 * SQLite refused a write because a UNIQUE or PRIMARY KEY constraint already holds the value.
 * `column`, when given, narrows it to that column (SQLite names `table.column` in the message).
 */
export function isSqliteUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Error) || !("code" in error)) return false;
  const code = error.code;
  if (code !== "SQLITE_CONSTRAINT_UNIQUE" && code !== "SQLITE_CONSTRAINT_PRIMARYKEY") return false;
  return column === undefined || error.message.includes(`.${column}`);
}

/** MongoDB's duplicate key error (E11000): a unique index refused the write. */
export function isMongoDuplicateKey(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === 11000;
}

/**
 * The writes of an unordered bulk write (or `insertMany`) that MongoDB refused as duplicate keys,
 * by their index in the batch; undefined when the error is anything else, or when any write failed
 * for another reason: the caller rethrows it then.
 */
export function mongoDuplicateWrites(error: unknown): Set<number> | undefined {
  if (typeof error !== "object" || error === null || !("writeErrors" in error)) return undefined;
  const writeErrors: unknown[] = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  const refused = new Set<number>();
  for (const writeError of writeErrors) {
    if (!isMongoDuplicateKey(writeError)) return undefined;
    const index = (writeError as { index?: unknown }).index;
    if (typeof index !== "number") return undefined;
    refused.add(index);
  }
  return refused.size > 0 ? refused : undefined;
}

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

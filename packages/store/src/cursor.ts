/**
 * Opaque, versioned page cursors. Clients must treat them as strings; we keep the freedom to change
 * what is inside by bumping the prefix.
 */
const PREFIX = "v1:";

export function encodeCursor(kind: string, values: readonly (string | number)[]): string {
  return Buffer.from(PREFIX + JSON.stringify([kind, ...values]), "utf8").toString("base64url");
}

/** Decodes a cursor of the given kind; `null` when it is malformed, foreign or of another kind. */
export function decodeCursor(kind: string, cursor: string): (string | number)[] | null {
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(text.slice(PREFIX.length));
    if (!Array.isArray(parsed) || parsed[0] !== kind) return null;
    const values = parsed.slice(1);
    return values.every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))
      ? (values as (string | number)[])
      : null;
  } catch {
    return null;
  }
}

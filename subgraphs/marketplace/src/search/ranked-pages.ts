import { createHash } from "node:crypto";
import { badUserInput } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import { byScoreThenId, type Ranked } from "./ranking.js";

/**
 * Where a page of a ranked list starts: after this (score, vendor id). `asOf` is when the first
 * page was scored; later pages score as of the same moment, so freshness and activity decay do not
 * shift the list under a client paging through it.
 */
export interface RankKey extends Ranked {
  asOf: Date;
}

/** Ties a cursor to its search, so one taken from another search is refused rather than misread. */
export function fingerprint(search: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify(search)).digest("base64url").slice(0, 12);
}

export function rankCursor(kind: string, print: string, asOf: Date, ranked: Ranked): string {
  return encodeCursor(kind, [print, asOf.getTime(), ranked.score, ranked.vendorId]);
}

export function afterKey(kind: string, after: string | null | undefined, print: string): RankKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [cursorPrint, asOf, score, vendorId] = decodeCursor(kind, after) ?? [];
  if (
    typeof cursorPrint !== "string" ||
    typeof asOf !== "number" ||
    typeof score !== "number" ||
    typeof vendorId !== "string"
  ) {
    throw badUserInput("`after` is not a valid cursor", "after");
  }
  if (cursorPrint !== print) throw badUserInput("`after` is a cursor from a different search", "after");
  return { asOf: new Date(asOf), score, vendorId };
}

/**
 * One page of a list in `byScoreThenId` order: the `size` entries after `after`. Pages never repeat
 * an entry, and all pages together hold exactly the list, so they agree with its length.
 */
export function pageOf<T extends Ranked>(
  ranked: readonly T[],
  size: number,
  after: Ranked | undefined,
): { items: T[]; hasNextPage: boolean } {
  const rest = after ? ranked.filter((entry) => byScoreThenId(entry, after) > 0) : ranked;
  return { items: rest.slice(0, size), hasNextPage: rest.length > size };
}

import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { MarketplaceContext } from "../context.js";
import type { CheckInListKey, CheckInRecord } from "./check-in.record.js";
import type { FlaggedCheckIn } from "./flagged-check-in.type.js";
import type { FlaggedCheckInConnection } from "./loyalty.connection.js";

const CURSOR_KIND = "flagged-check-ins";

function afterKey(after: string | null | undefined): CheckInListKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [at, id] = decodeCursor(CURSOR_KIND, after) ?? [];
  if (typeof at !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { at: new Date(at), id };
}

/** A flagged record as the admins see it; a record without travel is not flagged and not shown. */
function viewOf(record: CheckInRecord): FlaggedCheckIn | null {
  if (!record.travel) return null;
  const { distanceMeters, elapsedSeconds } = record.travel;
  return {
    id: record.id,
    userId: record.userId,
    vendorId: record.vendorId,
    lat: record.lat,
    lng: record.lng,
    at: record.at,
    fromLat: record.travel.fromLat,
    fromLng: record.travel.fromLng,
    fromAt: record.travel.fromAt,
    distanceMeters: Math.round(distanceMeters),
    elapsedSeconds: Math.round(elapsedSeconds),
    impliedSpeedKmh: elapsedSeconds > 0 ? distanceMeters / 1000 / (elapsedSeconds / 3600) : null,
  };
}

/** One page of the check-ins held for review, newest first: the list behind `flaggedCheckIns`. */
export async function listFlaggedCheckIns(
  ctx: MarketplaceContext,
  first: number,
  after: string | null | undefined,
): Promise<FlaggedCheckInConnection> {
  const size = pageSize(first);
  const key = afterKey(after);
  const page = await ctx.services.loyalty.flaggedCheckIns(size, key);
  const edges = page.records.flatMap((record) => {
    const node = viewOf(record);
    return node ? [{ cursor: encodeCursor(CURSOR_KIND, [record.at.getTime(), record.id]), node }] : [];
  });
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined),
    totalCount: page.totalCount,
  };
}

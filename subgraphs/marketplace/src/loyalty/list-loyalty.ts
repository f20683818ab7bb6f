import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { MarketplaceContext } from "../context.js";
import type { LoyaltyBalanceConnection, PointsLedgerConnection } from "./loyalty.connection.js";
import type { BalanceRecord, LedgerEntryRecord, LedgerListKey } from "./points.record.js";

const BALANCES = "loyalty-balances";
const LEDGER = "points-ledger";

const invalidCursor = () => badUserInput("`after` is not a valid cursor", "after");

/** One page of a member's balances, by vendor id: the list behind `User.loyalty`. */
export async function listBalances(
  ctx: MarketplaceContext,
  userId: string,
  first: number,
  after: string | null | undefined,
): Promise<LoyaltyBalanceConnection> {
  const size = pageSize(first);
  let afterVendorId: string | undefined;
  if (after !== null && after !== undefined) {
    const [vendorId] = decodeCursor(BALANCES, after) ?? [];
    if (typeof vendorId !== "string") throw invalidCursor();
    afterVendorId = vendorId;
  }
  const page = await ctx.services.points.listBalances(userId, size, afterVendorId);
  const edges = page.records.map((node: BalanceRecord) => ({
    cursor: encodeCursor(BALANCES, [node.vendorId]),
    node,
  }));
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, afterVendorId !== undefined),
    totalCount: page.totalCount,
  };
}

/** One page of a member's ledger at a vendor, newest first: the list behind `User.pointsLedger`. */
export async function listLedger(
  ctx: MarketplaceContext,
  userId: string,
  vendorId: string,
  first: number,
  after: string | null | undefined,
): Promise<PointsLedgerConnection> {
  const size = pageSize(first);
  let key: LedgerListKey | undefined;
  if (after !== null && after !== undefined) {
    const [createdAt, id] = decodeCursor(LEDGER, after) ?? [];
    if (typeof createdAt !== "number" || typeof id !== "string") throw invalidCursor();
    key = { createdAt: new Date(createdAt), id };
  }
  const page = await ctx.services.points.listEntries(userId, vendorId, size, key);
  const edges = page.records.map((node: LedgerEntryRecord) => ({
    cursor: encodeCursor(LEDGER, [node.createdAt.getTime(), node.id]),
    node,
  }));
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined),
    totalCount: page.totalCount,
  };
}

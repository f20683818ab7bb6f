import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { MarketplaceContext } from "../context.js";
import { visibleTo } from "./vendor.access.js";
import type { VendorConnection } from "./vendor.connection.js";
import type { VendorFilter, VendorListKey, VendorRecord } from "./vendor.record.js";

const CURSOR_KIND = "vendors";

const cursorOf = (vendor: VendorRecord) => encodeCursor(CURSOR_KIND, [vendor.createdAt.getTime(), vendor.id]);

function afterKey(after: string | null | undefined): VendorListKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [createdAt, id] = decodeCursor(CURSOR_KIND, after) ?? [];
  if (typeof createdAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { createdAt: new Date(createdAt), id };
}

/**
 * One page of vendors in (createdAt, id) order: the list behind `vendors` and `User.vendors`. Only
 * vendors the viewer may see are listed and counted (see `canSee`).
 */
export async function listVendors(
  ctx: MarketplaceContext,
  first: number,
  after: string | null | undefined,
  requested: VendorFilter,
): Promise<VendorConnection> {
  const size = pageSize(first);
  const key = afterKey(after);
  const filter: VendorFilter = { ...requested, visibleTo: visibleTo(ctx.viewer) };
  const [page, totalCount] = await Promise.all([
    ctx.services.vendorsStore.list(filter, size, key),
    ctx.services.vendorsStore.count(filter),
  ]);
  for (const record of page.records) ctx.loaders.vendor.prime(record.id, record);
  const edges = page.records.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined),
    totalCount,
  };
}

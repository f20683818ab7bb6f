import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { MarketplaceContext } from "../context.js";
import { seen } from "../vendors/vendor.access.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import type { FavoriteVendorConnection } from "./favorite.connection.js";
import type { FavoriteListKey, FavoriteRecord } from "./favorite.record.js";

const CURSOR_KIND = "favorites";

const cursorOf = (favorite: FavoriteRecord) =>
  encodeCursor(CURSOR_KIND, [favorite.createdAt.getTime(), favorite.vendorId]);

function afterKey(after: string | null | undefined): FavoriteListKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [createdAt, vendorId] = decodeCursor(CURSOR_KIND, after) ?? [];
  if (typeof createdAt !== "number" || typeof vendorId !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { createdAt: new Date(createdAt), vendorId };
}

/** One page of a person's favorite vendors, most recently favorited first; the vendors in one query. */
export async function listFavoriteVendors(
  ctx: MarketplaceContext,
  userId: string,
  first: number,
  after: string | null | undefined,
): Promise<FavoriteVendorConnection> {
  const size = pageSize(first);
  const key = afterKey(after);
  const [page, totalCount] = await Promise.all([
    ctx.services.favoritesStore.listByUser(userId, size, key),
    ctx.services.favoritesStore.countByUser(userId),
  ]);
  const vendors = await ctx.loaders.vendor.loadMany(page.records.map((f) => f.vendorId));
  const positions = page.records.map((favorite) => ({ cursor: cursorOf(favorite) }));
  const edges = page.records.flatMap((favorite, i) => {
    const found = vendors[i];
    // A vendor that is gone, or hidden from the caller (no longer verified), has nothing to show:
    // its favorite is skipped rather than failing the page.
    const vendor =
      found instanceof Error ? null : seen(ctx.viewer, (found as VendorRecord | undefined) ?? null);
    if (!vendor) return [];
    return [{ cursor: cursorOf(favorite), node: vendor, favoritedAt: favorite.createdAt }];
  });
  // Paging goes by the favorites read, skipped ones included, so a page never points back at itself.
  return { edges, pageInfo: pageInfo(positions, page.hasNextPage, key !== undefined), totalCount };
}

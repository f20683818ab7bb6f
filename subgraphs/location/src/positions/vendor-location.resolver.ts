import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { LocationContext } from "../context.js";
import { VendorLocationHistoryConnection } from "./location-history.type.js";
import type { HistoryKey } from "./positions.store.js";
import { Vendor } from "./vendor.type.js";
import { toVendorLocation, VendorLocation } from "./vendor-location.type.js";

const HISTORY_CURSOR = "history";

function historyKey(after: string | null | undefined): HistoryKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [recordedAt, id] = decodeCursor(HISTORY_CURSOR, after) ?? [];
  if (typeof recordedAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { recordedAt: new Date(recordedAt), id };
}

@Resolver(() => Vendor)
export class VendorLocationResolver {
  @FieldResolver(() => VendorLocation, {
    nullable: true,
    description: "Where the vendor is now; null when the vendor has never broadcast a position.",
  })
  async location(@Root() vendor: Vendor, @Ctx() ctx: LocationContext): Promise<VendorLocation | null> {
    const report = await ctx.loaders.position.load(vendor.id);
    return report ? toVendorLocation(report, ctx.now, ctx.services.liveWindowSeconds) : null;
  }

  @FieldResolver(() => VendorLocationHistoryConnection, {
    description: "Every position the vendor reported, most recently recorded first, including late arrivals.",
  })
  async locationHistory(
    @Root() vendor: Vendor,
    @Ctx() ctx: LocationContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<VendorLocationHistoryConnection> {
    const before = historyKey(after);
    const page = await ctx.services.positions.history(vendor.id, pageSize(first), before);
    const edges = page.entries.map(({ key, report }) => ({
      cursor: encodeCursor(HISTORY_CURSOR, [key.recordedAt.getTime(), key.id]),
      node: toVendorLocation(report, ctx.now, ctx.services.liveWindowSeconds),
    }));
    return {
      edges,
      pageInfo: pageInfo(edges, page.hasNextPage, before !== undefined),
    };
  }
}

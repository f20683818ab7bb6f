import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { MarketplaceContext } from "../context.js";
import type { ReviewQueueKey, VendorRecord } from "../vendors/vendor.record.js";
import type { VendorReviewConnection } from "./review-queue.connection.js";

const CURSOR_KIND = "review-queue";

const cursorOf = (vendor: VendorRecord) =>
  encodeCursor(CURSOR_KIND, [vendor.submittedAt?.getTime() ?? 0, vendor.id]);

function afterKey(after: string | null | undefined): ReviewQueueKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [submittedAt, id] = decodeCursor(CURSOR_KIND, after) ?? [];
  if (typeof submittedAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { submittedAt: new Date(submittedAt), id };
}

/** One page of the review queue: SUBMITTED vendors, oldest submission first. */
export async function listReviewQueue(
  ctx: MarketplaceContext,
  first: number,
  after: string | null | undefined,
): Promise<VendorReviewConnection> {
  const size = pageSize(first);
  const key = afterKey(after);
  const page = await ctx.services.vendorsStore.reviewQueue(size, key);
  for (const record of page.records) ctx.loaders.vendor.prime(record.id, record);
  const edges = page.records.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined),
    totalCount: page.totalCount,
  };
}

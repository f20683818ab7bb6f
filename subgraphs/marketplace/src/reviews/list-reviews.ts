import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { MarketplaceContext } from "../context.js";
import type { ReviewConnection } from "./review.connection.js";
import type { ReviewListKey, ReviewOrder, ReviewQueueKey, ReviewRecord } from "./review.record.js";

/** A cursor of one order is refused by the other: its position would mean nothing there. */
const LIST_KIND: Record<ReviewOrder, string> = { NEWEST: "reviews-newest", MOST_HELPFUL: "reviews-helpful" };
const QUEUE_KIND = "review-queue";

const listCursorOf = (order: ReviewOrder, review: ReviewRecord) =>
  encodeCursor(LIST_KIND[order], [review.helpfulCount, review.createdAt.getTime(), review.id]);

function listAfterKey(order: ReviewOrder, after: string | null | undefined): ReviewListKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [helpfulCount, createdAt, id] = decodeCursor(LIST_KIND[order], after) ?? [];
  if (typeof helpfulCount !== "number" || typeof createdAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor for this order", "after");
  return { helpfulCount, createdAt: new Date(createdAt), id };
}

/**
 * One page of a vendor's published reviews: the list behind `Vendor.reviews`. The total is the
 * vendor's rating count (published reviews are exactly what it counts), so it costs no count query.
 */
export async function listVendorReviews(
  ctx: MarketplaceContext,
  vendorId: string,
  order: ReviewOrder,
  first: number,
  after: string | null | undefined,
): Promise<ReviewConnection> {
  const size = pageSize(first);
  const key = listAfterKey(order, after);
  const [page, rating] = await Promise.all([
    ctx.services.reviewsStore.listPublished(vendorId, order, size, key),
    ctx.loaders.vendorRating.load(vendorId),
  ]);
  const edges = page.records.map((node) => ({ cursor: listCursorOf(order, node), node }));
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined),
    totalCount: rating?.count ?? 0,
  };
}

const queueCursorOf = (review: ReviewRecord) =>
  encodeCursor(QUEUE_KIND, [review.updatedAt.getTime(), review.id]);

function queueAfterKey(after: string | null | undefined): ReviewQueueKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [updatedAt, id] = decodeCursor(QUEUE_KIND, after) ?? [];
  if (typeof updatedAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { updatedAt: new Date(updatedAt), id };
}

/** One page of the moderation queue: PENDING reviews, the longest waiting first. */
export async function listModerationQueue(
  ctx: MarketplaceContext,
  first: number,
  after: string | null | undefined,
): Promise<ReviewConnection> {
  const size = pageSize(first);
  const key = queueAfterKey(after);
  const [page, totalCount] = await Promise.all([
    ctx.services.reviewsStore.listPending(size, key),
    ctx.services.reviewsStore.countPending(),
  ]);
  const edges = page.records.map((node) => ({ cursor: queueCursorOf(node), node }));
  return { edges, pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined), totalCount };
}

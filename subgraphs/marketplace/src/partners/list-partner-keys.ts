import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { MarketplaceContext } from "../context.js";
import type { PartnerKeyConnection } from "./partner-key.connection.js";
import type { PartnerKeyListKey, PartnerKeyRecord } from "./partner-key.record.js";

const CURSOR_KIND = "partner-keys";

const cursorOf = (key: PartnerKeyRecord) => encodeCursor(CURSOR_KIND, [key.createdAt.getTime(), key.id]);

function afterKey(after: string | null | undefined): PartnerKeyListKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [createdAt, id] = decodeCursor(CURSOR_KIND, after) ?? [];
  if (typeof createdAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { createdAt: new Date(createdAt), id };
}

/** One page of partner keys, newest first: the list behind `partnerKeys`. */
export async function listPartnerKeys(
  ctx: MarketplaceContext,
  first: number,
  after: string | null | undefined,
  includeRevoked: boolean,
): Promise<PartnerKeyConnection> {
  const size = pageSize(first);
  const key = afterKey(after);
  const page = await ctx.services.partnerKeysStore.list({ first: size, after: key, includeRevoked });
  const edges = page.records.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined),
    totalCount: page.totalCount,
  };
}

import type { MarketplaceContext } from "../context.js";
import type { UserRecord } from "./user.record.js";

/** Resolves `User` representations from other subgraphs, batched through the request's loader. */
export function resolveUserReference(
  reference: { id: string },
  context: MarketplaceContext,
): Promise<UserRecord | null> {
  return context.loaders.user.load(reference.id);
}

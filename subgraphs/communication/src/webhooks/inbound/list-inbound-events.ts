import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type {
  InboundEventListKey,
  InboundEventRecord,
  InboundEventStatus,
  InboundProvider,
} from "./inbound-event.record.js";
import type { InboundEventConnectionShape } from "./inbound-event.view.js";
import { inboundEventView } from "./inbound-event.view.js";
import type { InboundEventsStore } from "./inbound-events.store.js";

const CURSOR_KIND = "inbound-webhook-events";

const cursorOf = (event: InboundEventRecord) =>
  encodeCursor(CURSOR_KIND, [event.receivedAt.getTime(), event.id]);

function afterKey(after: string | null | undefined): InboundEventListKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [receivedAt, id] = decodeCursor(CURSOR_KIND, after) ?? [];
  if (typeof receivedAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { receivedAt: new Date(receivedAt), id };
}

/** One page of received webhook events, newest first: the list behind `inboundWebhookEvents`. */
export async function listInboundEvents(
  store: InboundEventsStore,
  filter: { provider?: InboundProvider | null | undefined; status?: InboundEventStatus | null | undefined },
  first: number,
  after: string | null | undefined,
): Promise<InboundEventConnectionShape> {
  const size = pageSize(first);
  const key = afterKey(after);
  const page = await store.list({
    first: size,
    after: key,
    provider: filter.provider ?? undefined,
    status: filter.status ?? undefined,
  });
  const edges = page.records.map((record) => ({ cursor: cursorOf(record), node: inboundEventView(record) }));
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined),
    totalCount: page.totalCount,
  };
}

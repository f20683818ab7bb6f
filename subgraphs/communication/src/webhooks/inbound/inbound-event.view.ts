import type { PageInfo } from "@venta/kit";
import type { InboundEventRecord } from "./inbound-event.record.js";
import type { InboundWebhookEvent } from "./inbound-event.type.js";

/** A stored event as the API shows it. */
export const inboundEventView = (record: InboundEventRecord): InboundWebhookEvent => ({
  id: record.id,
  provider: record.provider,
  providerEventId: record.eventId,
  type: record.type,
  status: record.status,
  attempts: record.attempts,
  detail: record.lastError,
  receivedAt: record.receivedAt,
  processedAt: record.processedAt,
  nextAttemptAt: record.nextAttemptAt,
  payload: record.body,
});

export interface InboundEventConnectionShape {
  edges: { cursor: string; node: InboundWebhookEvent }[];
  pageInfo: PageInfo;
  totalCount: number;
}

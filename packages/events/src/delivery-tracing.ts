import {
  type Attributes,
  type Link,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { tracingStarted } from "@venta/kit";
import type { RawEvent } from "./event-bus.js";

const tracer = trace.getTracer("@venta/events");

/** A link to the span that produced the event, when it recorded one (`traceparent`). */
function producerLink(traceparent: string | undefined): Link[] {
  if (!traceparent) return [];
  const spanContext = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }));
  return spanContext && trace.isSpanContextValid(spanContext) ? [{ context: spanContext }] : [];
}

/**
 * Runs a consumer's handler in a span of its own trace that links to the producer's span: a
 * delivery can come long after the request that caused it (or again, on a retry), so it is not
 * that request's child, but one can follow the link from one to the other. Without tracing it
 * just runs the handler.
 */
export async function consumeTraced<T>(
  event: RawEvent,
  consumer: string,
  attempt: number,
  handle: () => Promise<T>,
): Promise<T> {
  if (!tracingStarted()) return handle();
  return inConsumerSpan(
    `consume ${event.type}`,
    producerLink(event.traceparent),
    {
      "messaging.destination.name": event.type,
      "messaging.consumer.group.name": consumer,
      "messaging.message.id": event.id,
      "venta.delivery_attempt": attempt,
    },
    handle,
  );
}

/**
 * Runs a batch handler in one span that links to every producer's span, as messaging conventions
 * have it for batches: one trace per batch, and from each request a link to the batch it joined.
 */
export async function consumeBatchTraced<T>(
  events: readonly RawEvent[],
  consumer: string,
  attempt: number,
  handle: () => Promise<T>,
): Promise<T> {
  if (!tracingStarted()) return handle();
  const types = [...new Set(events.map((event) => event.type))].sort();
  return inConsumerSpan(
    `consume ${types.join(" ")}`,
    events.flatMap((event) => producerLink(event.traceparent)),
    {
      "messaging.destination.name": types.join(" "),
      "messaging.consumer.group.name": consumer,
      "messaging.batch.message_count": events.length,
      "venta.delivery_attempt": attempt,
    },
    handle,
  );
}

async function inConsumerSpan<T>(
  name: string,
  links: Link[],
  attributes: Attributes,
  handle: () => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(
    name,
    {
      kind: SpanKind.CONSUMER,
      root: true,
      links,
      attributes: {
        "messaging.system": "venta.events",
        "messaging.operation.type": "process",
        ...attributes,
      },
    },
    async (span) => {
      try {
        return await handle();
      } catch (error) {
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

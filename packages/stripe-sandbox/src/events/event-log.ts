import { newId, unixSeconds } from "../api/ids.js";
import type { SandboxState } from "../state.js";
import type { EventRequest, EventType, StripeEvent } from "./event.object.js";
import type { WebhookDelivery } from "./webhook-delivery.js";

export interface EmitOptions {
  /** The API call behind the change; omitted for what happens on its own (a dispute opening). */
  request?: EventRequest;
  /** The changed fields' values before the change, as Stripe sends on `*.updated` events. */
  previousAttributes?: Record<string, unknown>;
  /** The connected account the event is about. */
  account?: string;
}

const NO_REQUEST: EventRequest = { id: null, idempotency_key: null };

/**
 * Records an Event for each state change and hands it to webhook delivery. `data.object` is a copy
 * of the object at that moment: later changes must not rewrite what an event said.
 */
export class EventLog {
  constructor(
    private readonly state: SandboxState,
    private readonly delivery: WebhookDelivery,
    private readonly apiVersion: string,
  ) {}

  emit(type: EventType, object: object, options: EmitOptions = {}): StripeEvent {
    const event: StripeEvent = {
      id: newId("event"),
      object: "event",
      ...(options.account ? { account: options.account } : {}),
      api_version: this.apiVersion,
      created: unixSeconds(),
      data: {
        object: structuredClone(object),
        ...(options.previousAttributes
          ? { previous_attributes: structuredClone(options.previousAttributes) }
          : {}),
      },
      livemode: false,
      pending_webhooks: this.delivery.endpointCount,
      request: options.request ?? NO_REQUEST,
      type,
    };
    this.state.events.add(event);
    // Stripe counts the endpoints still owed this event; each acceptance takes one off.
    this.delivery.deliver(event, () => {
      event.pending_webhooks -= 1;
    });
    return event;
  }
}

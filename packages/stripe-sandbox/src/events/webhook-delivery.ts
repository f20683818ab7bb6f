import { setTimeout as sleep } from "node:timers/promises";
import { unixSeconds } from "../api/ids.js";
import type { BackgroundWork } from "../background-work.js";
import type { StripeEvent } from "./event.object.js";
import { stripeSignatureHeader } from "./webhook-signature.js";

/** Where events go: a URL and the `whsec_…` secret its receiver verifies signatures with. */
export interface WebhookEndpoint {
  url: string;
  secret: string;
}

/** One attempt to deliver one event to one endpoint, for logs and tests. */
export interface DeliveryAttempt {
  eventId: string;
  type: string;
  url: string;
  attempt: number;
  /** The receiver's HTTP status, or null when it could not be reached (or took too long). */
  status: number | null;
  delivered: boolean;
  /** Whether another attempt follows. */
  willRetry: boolean;
}

export interface DeliveryOptions {
  /**
   * Waits before each retry after a failed attempt. Stripe retries for three days with growing
   * gaps; a local receiver that fails is usually restarting, so seconds are enough here.
   */
  retryDelaysMs: readonly number[];
  /** Stripe gives a receiver a few seconds to answer before it counts the attempt as failed. */
  timeoutMs: number;
  onAttempt?: (attempt: DeliveryAttempt) => void;
}

/**
 * Posts each event to every endpoint the way Stripe does: the JSON body Stripe sends (pretty
 * printed: receivers must verify the exact bytes, never a re-serialisation), signed afresh on each
 * attempt, retried with backoff until a 2xx. Endpoints get events independently and concurrently,
 * so, as with Stripe, a receiver must not rely on their order.
 */
export class WebhookDelivery {
  constructor(
    private readonly endpoints: readonly WebhookEndpoint[],
    private readonly work: BackgroundWork,
    private readonly options: DeliveryOptions,
  ) {}

  get endpointCount(): number {
    return this.endpoints.length;
  }

  /** `onDelivered` runs once per endpoint that accepted the event. */
  deliver(event: StripeEvent, onDelivered: () => void): void {
    const payload = JSON.stringify(event, null, 2);
    for (const endpoint of this.endpoints)
      this.work.track(
        this.attempts(endpoint, event, payload).then((delivered) => {
          if (delivered) onDelivered();
        }),
      );
  }

  private async attempts(endpoint: WebhookEndpoint, event: StripeEvent, payload: string): Promise<boolean> {
    const attempts = this.options.retryDelaysMs.length + 1;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      if (this.work.stopped) return false;
      const status = await this.post(endpoint, payload);
      const delivered = status !== null && status >= 200 && status < 300;
      const willRetry = !delivered && attempt < attempts && !this.work.stopped;
      this.options.onAttempt?.({
        eventId: event.id,
        type: event.type,
        url: endpoint.url,
        attempt,
        status,
        delivered,
        willRetry,
      });
      if (delivered) return true;
      if (!willRetry) return false;
      try {
        await sleep(this.options.retryDelaysMs[attempt - 1] ?? 0, undefined, { signal: this.work.signal });
      } catch {
        return false;
      }
    }
    return false;
  }

  private async post(endpoint: WebhookEndpoint, payload: string): Promise<number | null> {
    try {
      const response = await fetch(endpoint.url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "stripe-signature": stripeSignatureHeader(payload, endpoint.secret, unixSeconds()),
        },
        body: payload,
        signal: AbortSignal.any([this.work.signal, AbortSignal.timeout(this.options.timeoutMs)]),
        redirect: "manual",
      });
      // Read to the end so the connection can be reused; what the receiver says is not used.
      await response.arrayBuffer();
      return response.status;
    } catch {
      return null;
    }
  }
}

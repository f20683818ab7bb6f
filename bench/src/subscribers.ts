import type { BoundingBox } from "@venta/geo";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

/**
 * What a live map asks for: `vendor { name }` lives in marketplace, so every event also costs the
 * router a trip through the supergraph, as it would for a real map.
 */
const LIVE_SUBSCRIPTION = `subscription Live($box: BoundingBoxInput!) {
  vendorLocationUpdated(within: $box) {
    kind
    vendor { id name }
    location { updatedAt point { lat lng } }
  }
}`;

interface LiveEventData {
  vendorLocationUpdated?: {
    kind: string;
    vendor: { id: string; name: string } | null;
    location: { updatedAt: string; point: { lat: number; lng: number } } | null;
  } | null;
}

/** One delivered event, as the bench needs it. */
export interface DeliveredEvent {
  subscription: number;
  kind: string;
  vendorId: string;
  updatedAt: string;
  /** `Date.now()` when the event reached this process: the same clock `recordedAt` was taken from. */
  receivedAt: number;
}

export interface Subscribers {
  sockets: number;
  /** Events that came with GraphQL errors or without the vendor's name: each is a failed delivery. */
  readonly eventErrors: number;
  /** Subscriptions the router ended or refused, and sockets that failed. */
  readonly failures: number;
  readonly failureSamples: readonly string[];
  /** The first few event errors' messages. */
  readonly errorSamples: readonly string[];
  close(): Promise<void>;
}

export interface OpenSubscribersOptions {
  /** The router's GraphQL endpoint over HTTP; the socket is on the same path. */
  url: string;
  boxes: readonly BoundingBox[];
  /** The figure's number of the first box's subscription, when the figure's boxes span routers. */
  firstSubscription?: number;
  perSocket: number;
  onEvent(event: DeliveredEvent): void;
  connectTimeoutMs?: number;
}

/**
 * One subscription per box, `perSocket` to a graphql-ws socket as a busy client would multiplex
 * them. Resolves once every socket has its `connection_ack`, with every subscription sent.
 */
export async function openSubscribers(options: OpenSubscribersOptions): Promise<Subscribers> {
  const wsUrl = options.url.replace(/^http/, "ws");
  const socketCount = Math.ceil(options.boxes.length / options.perSocket);
  let eventErrors = 0;
  let failures = 0;
  let closing = false;
  const failureSamples: string[] = [];
  const errorSamples: string[] = [];
  const fail = (what: string) => {
    // Closing the sockets ends every subscription: that is the bench finishing, not a failure.
    if (closing) return;
    failures += 1;
    if (failureSamples.length < 5) failureSamples.push(what);
  };

  const clients: Client[] = [];
  let acknowledged = 0;
  const acks: Promise<void>[] = [];
  for (let s = 0; s < socketCount; s += 1) {
    let acked: () => void = () => {};
    acks.push(new Promise<void>((resolve) => (acked = resolve)));
    clients.push(
      createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        // Connect now, so the connection cost is paid before anything is measured.
        lazy: false,
        retryAttempts: 0,
        on: {
          connected: () => {
            acknowledged += 1;
            acked();
          },
        },
        onNonLazyError: (error) => fail(`socket ${s}: ${describe(error)}`),
      }),
    );
  }
  const timeoutMs = options.connectTimeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all(acks),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const acked = `${acknowledged} of ${socketCount} sockets`;
          reject(new Error(`the router at ${options.url} acknowledged ${acked} in ${timeoutMs} ms`));
        }, timeoutMs);
      }),
    ]);
  } catch (error) {
    // The sockets that did connect would otherwise stay open under the figures that follow.
    closing = true;
    await Promise.all(clients.map((client) => client.dispose()));
    throw error;
  } finally {
    clearTimeout(timer);
  }

  const first = options.firstSubscription ?? 0;
  options.boxes.forEach((box, index) => {
    const subscription = first + index;
    const client = clients[Math.floor(index / options.perSocket)] as Client;
    client.subscribe<LiveEventData>(
      { query: LIVE_SUBSCRIPTION, variables: { box } },
      {
        next: (value) => {
          const receivedAt = Date.now();
          const event = value.data?.vendorLocationUpdated;
          if (value.errors || !event?.location || typeof event.vendor?.name !== "string") {
            eventErrors += 1;
            if (errorSamples.length < 5)
              errorSamples.push(
                value.errors
                  ? describe(value.errors)
                  : `subscription ${subscription}: an event without the vendor's name`,
              );
            return;
          }
          options.onEvent({
            subscription,
            kind: event.kind,
            vendorId: event.vendor.id,
            updatedAt: event.location.updatedAt,
            receivedAt,
          });
        },
        error: (error) => fail(`subscription ${subscription}: ${describe(error)}`),
        // The router completes a subscription on its own only when it gives up on a slow consumer.
        complete: () => fail(`subscription ${subscription}: ended by the router`),
      },
    );
  });

  return {
    sockets: socketCount,
    get eventErrors() {
      return eventErrors;
    },
    get failures() {
      return failures;
    },
    failureSamples,
    errorSamples,
    async close() {
      closing = true;
      await Promise.all(clients.map((client) => client.dispose()));
    },
  };
}

/** graphql-ws reports errors as arrays of GraphQL errors, Errors or close events. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error))
    return error.map((e: unknown) => (e as { message?: string }).message ?? String(e)).join("; ");
  const close = error as { code?: number; reason?: string };
  if (typeof close.code === "number") return `socket closed ${close.code} ${close.reason ?? ""}`.trim();
  return String(error);
}

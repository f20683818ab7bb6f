import { randomUUID } from "node:crypto";
import { IDENTITY_HEADER, type InternalIdentity, type Viewer } from "@venta/auth";
import { ErrorCode, type Logger, REQUEST_ID_HEADER, type SubgraphConnectionParams } from "@venta/kit";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import type { SubgraphEndpoint } from "./subscription-owners.js";

/** What the client asked for, forwarded as sent: the subgraph validates and runs it again. */
export interface ForwardedRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | undefined;
}

/** The subgraph refused or ended a forwarded subscription with these errors, to relay as they are. */
export class UpstreamErrors extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors[0]?.message ?? "the subscription failed");
  }
}

const isFormattedErrors = (value: unknown): value is GraphQLFormattedError[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((e) => typeof e === "object" && e !== null && "message" in e);

const closeCode = (value: unknown): number | undefined =>
  typeof value === "object" && value !== null && "code" in value && typeof value.code === "number"
    ? value.code
    : undefined;

/** A forwarded subscription's results, ended by the subgraph, by its failure, or by `return()`. */
class UpstreamStream implements AsyncIterableIterator<FormattedExecutionResult> {
  private readonly pending: FormattedExecutionResult[] = [];
  private waiting: {
    resolve: (r: IteratorResult<FormattedExecutionResult>) => void;
    reject: (e: Error) => void;
  } | null = null;
  private failure: Error | null = null;
  private done = false;
  private unsubscribe: () => void = () => {};

  start(
    subscribe: (sink: {
      next: (value: FormattedExecutionResult) => void;
      error: (e: unknown) => void;
      complete: () => void;
    }) => () => void,
    failed: (error: unknown) => Error,
  ) {
    this.unsubscribe = subscribe({
      next: (value) => this.push(value),
      error: (error) => this.end(failed(error)),
      complete: () => this.end(null),
    });
  }

  private push(value: FormattedExecutionResult): void {
    if (this.done) return;
    if (this.waiting) {
      this.waiting.resolve({ value, done: false });
      this.waiting = null;
    } else this.pending.push(value);
  }

  private end(failure: Error | null): void {
    if (this.done) return;
    this.done = true;
    this.failure = failure;
    if (!this.waiting) return;
    const waiting = this.waiting;
    this.waiting = null;
    if (failure && this.pending.length === 0) waiting.reject(failure);
    else waiting.resolve({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<FormattedExecutionResult>> {
    const value = this.pending.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.done) {
      const failure = this.failure;
      this.failure = null;
      return failure ? Promise.reject(failure) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** The client completed or went away: the subgraph is told to stop at once. */
  return(): Promise<IteratorResult<FormattedExecutionResult>> {
    if (!this.done) this.unsubscribe();
    this.pending.length = 0;
    this.end(null);
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<FormattedExecutionResult> {
    return this;
  }
}

/**
 * Subscriptions the router forwards to the subgraph that owns them, over graphql-ws. Each client
 * socket gets its own upstream connection per subgraph, opened with the client's identity signed
 * as for HTTP calls; it opens with the first forwarded subscription, closes when the last one
 * ends, and is closed with the client's socket.
 */
export class SubgraphPassthrough {
  private readonly upstreams = new WeakMap<object, Map<string, Client>>();

  constructor(
    private readonly identity: InternalIdentity,
    private readonly log: Logger,
  ) {}

  /** `requestId` names the client socket in the subgraph's logs (the first forward's id opens the upstream). */
  forward(
    socket: object,
    viewer: Viewer,
    endpoint: SubgraphEndpoint,
    request: ForwardedRequest,
    requestId: string = randomUUID(),
  ) {
    const client = this.client(socket, viewer, endpoint, requestId);
    const stream = new UpstreamStream();
    stream.start(
      (sink) => client.subscribe<Record<string, unknown>>(request, sink),
      (error) => this.failure(endpoint, error),
    );
    return stream;
  }

  /** Closes every upstream connection of a client socket that has gone. */
  async release(socket: object): Promise<void> {
    const clients = this.upstreams.get(socket);
    this.upstreams.delete(socket);
    await Promise.all([...(clients?.values() ?? [])].map((client) => client.dispose()));
  }

  private client(socket: object, viewer: Viewer, endpoint: SubgraphEndpoint, requestId: string): Client {
    let clients = this.upstreams.get(socket);
    if (!clients) {
      clients = new Map();
      this.upstreams.set(socket, clients);
    }
    const existing = clients.get(endpoint.name);
    if (existing) return existing;
    const client = createClient({
      url: endpoint.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      // Signed at each (re)connection, so a long-lived client socket never presents a stale identity.
      connectionParams: async () => ({
        ...({
          [IDENTITY_HEADER]: await this.identity.sign(viewer),
          [REQUEST_ID_HEADER]: requestId,
        } satisfies SubgraphConnectionParams),
      }),
      lazy: true,
      lazyCloseTimeout: 0,
      // The client resubscribes if the subgraph goes away; the router does not hide an outage.
      retryAttempts: 0,
    });
    clients.set(endpoint.name, client);
    return client;
  }

  private failure(endpoint: SubgraphEndpoint, error: unknown): Error {
    if (isFormattedErrors(error)) return new UpstreamErrors(error);
    const code = closeCode(error);
    if (code === 4403)
      this.log.error(
        { subgraph: endpoint.name },
        "subgraph refused the router's identity: check INTERNAL_AUTH_SECRET",
      );
    else
      this.log.warn(
        { subgraph: endpoint.name, code, err: error instanceof Error ? error.message : undefined },
        "subgraph subscription lost",
      );
    return new UpstreamErrors([
      {
        message: `The ${endpoint.name} service is unavailable; try again shortly.`,
        extensions: { code: ErrorCode.ServiceUnavailable },
      },
    ]);
  }
}

import type { LiveEvent } from "@venta/live";
import {
  createSourceEventStream,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  type FormattedExecutionResult,
} from "graphql";
import { DeliveryPacer } from "./delivery-pacer.js";
import { liveGroupKey } from "./live-group-key.js";
import { noteAcceptance } from "./live-latency.js";

/** How long a group remembers a result, for members that read their queue late. */
const RESULT_RETENTION_MS = 5_000;
/** Results handed to sockets per turn of the event loop (see DeliveryPacer). */
const DELIVERIES_PER_TURN = 250;

/** One group member's view of the subscriptions the router serves itself. */
type ResultStream = AsyncGenerator<ExecutionResult, void, undefined>;

interface Remembered {
  result: Promise<ExecutionResult>;
  at: number;
}

/**
 * Subscribers whose results for an event are identical (see liveGroupKey): the group executes
 * each (update, kind) once, with its first member's arguments, and every member told that gets
 * the same result object. The hub still decides per subscriber which events it gets and their
 * kind; the group only shares what the selection makes of them.
 */
class LiveGroup {
  members = 0;
  /** By `updateId` and `kind`, oldest first; forgotten after RESULT_RETENTION_MS. */
  private readonly results = new Map<string, Remembered>();

  constructor(
    private readonly args: ExecutionArgs,
    private readonly onExecute: () => void,
  ) {}

  resultFor(event: unknown): Promise<ExecutionResult> {
    if (!isLiveEvent(event)) return this.execute(event);
    const now = Date.now();
    this.forgetBefore(now - RESULT_RETENTION_MS);
    const key = `${event.updateId}\u0000${event.kind}`;
    const known = this.results.get(key);
    if (known) return known.result;
    const result = this.execute(event);
    this.results.set(key, { result, at: now });
    return result;
  }

  private async execute(event: unknown): Promise<ExecutionResult> {
    this.onExecute();
    const result = await execute({ ...this.args, rootValue: event });
    if (isLiveEvent(event)) noteAcceptance(result, event);
    return result;
  }

  private forgetBefore(cutoff: number): void {
    for (const [key, remembered] of this.results) {
      if (remembered.at >= cutoff) return;
      this.results.delete(key);
    }
  }
}

export interface LiveFanoutOptions {
  /** Called per execution of a selection for an event (for tests and metrics). */
  onExecute?: () => void;
  deliveriesPerTurn?: number;
}

/**
 * Runs the subscriptions the router serves itself with one execution per group and event rather
 * than per subscriber: at 10,000 subscribers with the same selection, an update costs one run of
 * the selection (and one supergraph fetch per tick for `vendor`, see VendorLoader) instead of
 * 10,000. graphql-ws still frames each subscriber's result itself (their ids differ); the frames
 * go out DELIVERIES_PER_TURN at a time so intake is never starved behind fan-out.
 */
export class LiveFanout {
  private readonly groups = new Map<string, LiveGroup>();
  private readonly pacer: DeliveryPacer;
  private readonly onExecute: () => void;
  /** Results as sent, built once per result rather than once per subscriber. */
  private readonly formatted = new WeakMap<ExecutionResult, FormattedExecutionResult>();

  constructor(options: LiveFanoutOptions = {}) {
    this.pacer = new DeliveryPacer(options.deliveriesPerTurn ?? DELIVERIES_PER_TURN);
    this.onExecute = options.onExecute ?? (() => {});
  }

  /**
   * Starts a subscription as graphql-js's `subscribe` would (its errors come back as a result),
   * as a member of the group its arguments and `rights` (whose view of the data the selection is
   * executed with) put it in.
   */
  async subscribe(args: ExecutionArgs, rights: string): Promise<ResultStream | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const key = liveGroupKey(args, rights);
    let group = this.groups.get(key);
    if (!group) {
      group = new LiveGroup(args, this.onExecute);
      this.groups.set(key, group);
    }
    group.members += 1;
    return this.member(source[Symbol.asyncIterator](), group, key);
  }

  /** Distinct groups open, for tests. */
  get groupCount(): number {
    return this.groups.size;
  }

  /** The result as graphql-ws sends it, shared by every subscriber it goes to. */
  format(result: ExecutionResult): FormattedExecutionResult {
    let formatted = this.formatted.get(result);
    if (!formatted) {
      formatted = {
        ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}),
        ...(result.data === undefined ? {} : { data: result.data }),
        ...(result.extensions ? { extensions: result.extensions } : {}),
      };
      this.formatted.set(result, formatted);
    }
    return formatted;
  }

  private leave(group: LiveGroup, key: string): void {
    group.members -= 1;
    if (group.members === 0 && this.groups.get(key) === group) this.groups.delete(key);
  }

  /**
   * A member's stream. Written out rather than as an async generator: `return()` must end the
   * source at once (closing the subscriber's queue in the hub), even while waiting for an event,
   * which a suspended generator cannot do.
   */
  private member(source: AsyncIterator<unknown>, group: LiveGroup, key: string): ResultStream {
    let done = false;
    const finish = async (): Promise<IteratorResult<ExecutionResult, void>> => {
      if (!done) {
        done = true;
        this.leave(group, key);
        await source.return?.();
      }
      return { value: undefined, done: true };
    };
    const stream: ResultStream = {
      next: async () => {
        if (done) return { value: undefined, done: true };
        const step = await source.next();
        if (step.done || done) return finish();
        const result = await group.resultFor(step.value);
        await this.pacer.turn();
        // Ended while its result was being computed or waiting for its turn: nothing more is sent.
        if (done) return { value: undefined, done: true };
        return { value: result, done: false };
      },
      return: finish,
      throw: async (error: unknown) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]: () => stream,
    };
    return stream;
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

function isLiveEvent(value: unknown): value is LiveEvent {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as LiveEvent).updateId === "string" &&
    typeof (value as LiveEvent).kind === "string"
  );
}

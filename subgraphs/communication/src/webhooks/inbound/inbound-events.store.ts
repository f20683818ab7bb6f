import type { DomainEvent } from "@venta/events";
import type {
  InboundEventListKey,
  InboundEventRecord,
  InboundEventStatus,
  InboundProvider,
} from "./inbound-event.record.js";

export interface InboundEventListOptions {
  first: number;
  after?: InboundEventListKey | undefined;
  provider?: InboundProvider | undefined;
  status?: InboundEventStatus | undefined;
}

export interface InboundEventPage {
  records: InboundEventRecord[];
  hasNextPage: boolean;
  totalCount: number;
}

/** How processing ended: done (announcing `events`), nothing to do, retry later, or given up. */
export type ProcessingOutcome =
  | { status: "PROCESSED"; events: readonly DomainEvent[]; at: Date }
  /** `reason` says why nothing was done; it is kept where errors are. */
  | { status: "IGNORED"; reason: string; at: Date }
  | { status: "PENDING"; error: string; nextAttemptAt: Date }
  | { status: "FAILED"; error: string };

/** Where verified inbound webhook events live. Each adapter must pass `inbound-events.store.contract.ts`. */
export interface InboundEventsStore {
  /** Stores a new event; false, changing nothing, when its id is already stored (a replay). */
  insert(record: InboundEventRecord): Promise<boolean>;
  findById(id: string): Promise<InboundEventRecord | null>;
  /**
   * Takes up to `limit` PENDING events due at `now`, oldest due first, counting an attempt for each
   * and pushing its `nextAttemptAt` to `leaseUntil` in the same atomic write.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<InboundEventRecord[]>;
  /**
   * Records how processing went. A PROCESSED outcome records its `events` in the outbox in the same
   * transaction, each event id at most once ever: a retried event, or a second provider event about
   * the same fact, announces nothing twice. Null for an unknown id.
   */
  complete(id: string, outcome: ProcessingOutcome): Promise<InboundEventRecord | null>;
  /** A FAILED event is PENDING again with a fresh count, due at `at`; null for an unknown id or one not FAILED. */
  retry(id: string, at: Date): Promise<InboundEventRecord | null>;
  /** Newest first: (receivedAt, id) descending. */
  list(options: InboundEventListOptions): Promise<InboundEventPage>;
  /**
   * Removes the body and subject of every event about the person (erasure of their account);
   * what idempotency needs (provider, event id, status) stays, so a replay is still recognised.
   * An event not yet done can no longer be processed: it is IGNORED at `at`, saying why, and a
   * FAILED one's error (which may quote the body) goes too. Returns how many events it changed;
   * a second call changes nothing.
   */
  eraseSubject(userId: string, at: Date): Promise<number>;
  /**
   * Removes the body and subject of PROCESSED and IGNORED events done before `doneBefore`: nothing
   * needs them any more. Returns how many events it changed.
   */
  pruneBodies(doneBefore: Date): Promise<number>;
}

/** Why an event that was not yet done when its person was erased is IGNORED. */
export const ERASED_REASON = "the person it is about was erased with their account";

/** What is kept in `lastError`: the failure, or why the event was ignored. */
export function detailOf(outcome: ProcessingOutcome): string | null {
  if (outcome.status === "PENDING" || outcome.status === "FAILED") return outcome.error;
  return outcome.status === "IGNORED" ? outcome.reason : null;
}

import { observeAcceptToSocket } from "@venta/kit";
import type { LiveEvent } from "@venta/live";
import type { ExecutionResult } from "graphql";

/**
 * When the position behind each live result was accepted. A result is executed once for every
 * subscriber of its group, so the time hangs on the result itself and is read at each socket write.
 */
const acceptedAt = new WeakMap<ExecutionResult, number>();

/** Called as a live event's result is computed. */
export function noteAcceptance(result: ExecutionResult, event: LiveEvent): void {
  if (event.acceptedAt !== undefined) acceptedAt.set(result, event.acceptedAt);
}

/** Called as a result is written to one subscriber's socket: records the accept-to-socket latency. */
export function observeSocketWrite(result: ExecutionResult): void {
  const at = acceptedAt.get(result);
  if (at !== undefined) observeAcceptToSocket(at);
}

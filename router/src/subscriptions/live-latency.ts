import { observeAcceptToSocket, observeLiveFeedDelay, observeRouterToSocket } from "@venta/kit";
import type { LiveEvent, LiveUpdate } from "@venta/live";
import type { ExecutionResult } from "graphql";

/** The times behind one live result: location's acceptance (epoch ms) and the router's hearing (`performance.now()`). */
interface Stamps {
  acceptedAt: number | undefined;
  heardAt: number | undefined;
}

/**
 * The times behind each live result. A result is executed once for every subscriber of its
 * group, so they hang on the result itself and are read at each socket write.
 */
const stamps = new WeakMap<ExecutionResult, Stamps>();

/** Called as the hub hears an update from the feed: records the feed's part of the latency. */
export function observeHeard(update: LiveUpdate): void {
  if (update.acceptedAt !== undefined) observeLiveFeedDelay(update.acceptedAt);
}

/** Called as a live event's result is computed. */
export function noteAcceptance(result: ExecutionResult, event: LiveEvent): void {
  if (event.acceptedAt !== undefined || event.heardAt !== undefined)
    stamps.set(result, { acceptedAt: event.acceptedAt, heardAt: event.heardAt });
}

/**
 * Called as a result is written to one subscriber's socket: records the accept-to-socket latency
 * and the router's own part of it.
 */
export function observeSocketWrite(result: ExecutionResult): void {
  const at = stamps.get(result);
  if (at?.acceptedAt !== undefined) observeAcceptToSocket(at.acceptedAt);
  if (at?.heardAt !== undefined) observeRouterToSocket(at.heardAt);
}

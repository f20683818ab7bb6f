import { observeAcceptToSocket } from "@venta/kit";
import type { LiveEvent } from "@venta/live";
import { type DocumentNode, getOperationAST, type OperationDefinitionNode } from "graphql";

/**
 * When the position behind each subscription's event being sent was accepted, by the operation
 * the subscription runs (each subscription parses its own document, so its operation is its own).
 * One subscription executes one event at a time: the entry is set as the event resolves and read
 * as its result goes out.
 */
const acceptedAt = new WeakMap<OperationDefinitionNode, number>();

/** Called as a live event starts resolving for the subscription running `operation`. */
export function noteAcceptance(operation: OperationDefinitionNode, event: LiveEvent): void {
  if (event.acceptedAt !== undefined) acceptedAt.set(operation, event.acceptedAt);
}

/** Called as a subscription's result is written to its socket: records the accept-to-socket latency. */
export function observeSocketWrite(document: DocumentNode, operationName: string | null | undefined): void {
  const operation = getOperationAST(document, operationName);
  if (!operation) return;
  const at = acceptedAt.get(operation);
  if (at === undefined) return;
  acceptedAt.delete(operation);
  observeAcceptToSocket(at);
}

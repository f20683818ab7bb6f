import { progressBar } from "@venta/kit";
import type { HeadersFor } from "./bench-auth.js";

/** An answer slower than this is counted as an error (the server may still write it). */
const REQUEST_TIMEOUT_MS = 30_000;

export interface BatchLoadOptions {
  /** The target's GraphQL endpoint. */
  url: string;
  headers: HeadersFor;
  /** The next request body; called just before each request, so bodies may follow on from the last. */
  nextBody: () => string;
  /** Updates one request carries. */
  perRequest: number;
  connections: number;
  seconds: number;
  /** Stop sending after this many requests, even before `seconds` have passed. */
  maxRequests?: number;
  label: string;
}

export interface BatchLoadResult {
  /** From the first request sent until the last answer arrived. */
  seconds: number;
  requests: number;
  /** Updates in answers without errors. */
  accepted: number;
  /** Requests that failed: transport errors, timeouts, non-200 answers and GraphQL errors. */
  errors: number;
  errorSample: string | undefined;
  /** Milliseconds per answered request. */
  samples: number[];
}

/**
 * Closed-loop load: each connection sends its next request when its answer arrives, and stops
 * sending once `seconds` have passed. Every request sent is waited for, so the accepted updates
 * are exactly those the target answered for, with none still in flight when the count is made
 * (unlike a load tool that drops its connections at the deadline).
 */
export async function postBatches(options: BatchLoadOptions): Promise<BatchLoadResult> {
  const result: Omit<BatchLoadResult, "seconds"> = {
    requests: 0,
    accepted: 0,
    errors: 0,
    errorSample: undefined,
    samples: [],
  };
  const progress = progressBar(options.label, options.seconds);
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const fail = (sample: string) => {
    result.errors += 1;
    result.errorSample ??= sample.slice(0, 300);
  };
  const maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;
  let sent = 0;
  const connection = async () => {
    while (performance.now() < until && sent < maxRequests) {
      sent += 1;
      const body = options.nextBody();
      const sentAt = performance.now();
      try {
        const response = await fetch(options.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...options.headers() },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await response.text();
        result.requests += 1;
        result.samples.push(performance.now() - sentAt);
        // GraphQL reports failures in a 200 answer; an accepted one names no errors.
        if (response.status !== 200 || text.includes('"errors"')) fail(`${response.status} ${text}`);
        else result.accepted += options.perRequest;
      } catch (error) {
        result.requests += 1;
        fail(error instanceof Error ? error.message : String(error));
      }
      if (result.requests % 20 === 0)
        progress.update(Math.min(options.seconds, Math.floor((performance.now() - started) / 1000)));
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  progress.done();
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

import type { LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest, type RequestOptions } from "node:https";
import { performance } from "node:perf_hooks";
import {
  type EndpointPolicy,
  EndpointRefusedError,
  type EndpointTarget,
  endpointTarget,
} from "./webhook-url.js";

export interface SendOptions {
  /** A delivery that has no complete answer by then (its host name's lookup included) counts as failed. */
  timeoutMs: number;
  /** Where endpoints may be: checked again on every attempt, since DNS answers change. */
  endpoints: EndpointPolicy;
}

export interface SendResult {
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  durationMs: number;
  /** Why it failed (no answer, a refused target, or a status outside 2xx); null on success. */
  error: string | null;
}

/** The most of a response read before it is dropped: receivers should answer quickly and briefly. */
const MAX_RESPONSE_BYTES = 64 * 1024;

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` that answers every question with the address already checked, so the socket connects
 * exactly there whatever DNS would say a moment later; the URL's name still goes in Host and SNI.
 */
function pinnedLookup(target: EndpointTarget) {
  return (_hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

/**
 * POSTs one signed delivery; success is a 2xx within the timeout. Redirects are not followed: a 3xx
 * is a failed attempt, so a partner cannot bounce a delivery to an address the check refused.
 */
export async function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timedOut = `no answer within ${options.timeoutMs} ms`;
  let deadline: NodeJS.Timeout | undefined;
  const expired = new Promise<null>((resolve) => {
    deadline = setTimeout(() => resolve(null), options.timeoutMs);
  });
  try {
    let target: EndpointTarget | null;
    try {
      target = await Promise.race([endpointTarget(url, options.endpoints), expired]);
    } catch (error) {
      if (error instanceof EndpointRefusedError)
        return { status: null, durationMs: elapsed(), error: `refused: ${error.message}` };
      throw error;
    }
    if (target === null) return { status: null, durationMs: elapsed(), error: timedOut };
    return await post(target, headers, body, expired, timedOut, elapsed);
  } finally {
    clearTimeout(deadline);
  }
}

function post(
  target: EndpointTarget,
  headers: Record<string, string>,
  body: string,
  expired: Promise<null>,
  timedOut: string,
  elapsed: () => number,
): Promise<SendResult> {
  const request = target.url.protocol === "https:" ? httpsRequest : httpRequest;
  const payload = Buffer.from(body, "utf8");
  const requestOptions: RequestOptions = {
    method: "POST",
    headers: { ...headers, "content-type": "application/json", "content-length": String(payload.length) },
    // Also asked (with `all`) when Node tries address families in turn: it only ever hears the pinned one.
    lookup: pinnedLookup(target),
  };
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = request(target.url, requestOptions, (res) => {
      let read = 0;
      res.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) res.destroy();
      });
      const status = res.statusCode ?? null;
      const done = () => {
        const ok = status !== null && status >= 200 && status < 300;
        finish({ status, durationMs: elapsed(), error: ok ? null : `the endpoint answered ${status}` });
      };
      res.on("end", done);
      res.on("close", done);
    });
    void expired.then(() => req.destroy(new Error(timedOut)));
    req.on("error", (error) => finish({ status: null, durationMs: elapsed(), error: error.message }));
    req.end(payload);
  });
}

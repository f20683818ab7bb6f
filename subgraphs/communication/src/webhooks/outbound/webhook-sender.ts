import { request as httpRequest } from "node:http";
import { request as httpsRequest, type RequestOptions } from "node:https";
import { performance } from "node:perf_hooks";
import { publicOnlyLookup } from "./webhook-url.js";

export interface SendOptions {
  /** A delivery that has no complete answer by then counts as failed. */
  timeoutMs: number;
  /** Refuse to connect to internal addresses (production). */
  publicOnly: boolean;
}

export interface SendResult {
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  durationMs: number;
  /** Why it failed (no answer, or a status outside 2xx); null on success. */
  error: string | null;
}

/** The most of a response read before it is dropped: receivers should answer quickly and briefly. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** POSTs one signed delivery; success is a 2xx within the timeout, redirects are not followed. */
export function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = new URL(url);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  const payload = Buffer.from(body, "utf8");
  const requestOptions: RequestOptions = {
    method: "POST",
    headers: { ...headers, "content-type": "application/json", "content-length": String(payload.length) },
    ...(options.publicOnly ? { lookup: publicOnlyLookup as RequestOptions["lookup"] } : {}),
  };
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = request(target, requestOptions, (res) => {
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
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    req.on("error", (error) => finish({ status: null, durationMs: elapsed(), error: error.message }));
    req.end(payload);
  });
}

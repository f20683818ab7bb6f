import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { DEFAULT_HTTP_TIMEOUTS, isPlainPath, MAX_BODY_BYTES } from "@venta/kit";
import { newId } from "../api/ids.js";
import { ApiError, errorResponseBody, invalidRequest } from "./api-error.js";
import { apiKeyOf } from "./authentication.js";
import { readBodyWithin } from "./body-reading.js";
import { decodeForm, FormDecodingError, type FormObject } from "./form-decoding.js";
import { IdempotencyStore, type StoredAnswer } from "./idempotency.js";
import { findRoute, matchPath, type PageRoute, type Route } from "./router.js";

export interface ServerSetup {
  routes: readonly Route[];
  pages: readonly PageRoute[];
  /** Echoed in `Stripe-Version` when a call does not name one. */
  apiVersion: string;
  /** A handler failed in a way no request should cause: the caller gets a 500, this gets the error. */
  onUnexpectedError: (error: unknown) => void;
}

function unrecognized(method: string, path: string): ApiError {
  return new ApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path.slice(0, 200)}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });
}

function tooLarge(): ApiError {
  return new ApiError(413, {
    type: "invalid_request_error",
    message: `Request body too large: the limit is ${MAX_BODY_BYTES} bytes.`,
  });
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
    "cache-control": "no-cache, no-store",
    ...headers,
  });
  res.end(body);
}

function sendError(res: ServerResponse, error: ApiError): void {
  send(res, error.status, JSON.stringify(errorResponseBody(error), null, 2));
}

/** The call's parameters: the form body of a POST, the query string of a GET or DELETE. */
async function paramsOf(req: IncomingMessage, method: string, query: string): Promise<FormObject> {
  const raw = await readBodyWithin(req, MAX_BODY_BYTES);
  if (raw === null) throw tooLarge();
  if (method !== "POST") return decodeForm(query);
  if (raw.length === 0) return decodeForm("");
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/x-www-form-urlencoded")
    throw invalidRequest(
      `Invalid request: unsupported Content-Type ${type.slice(0, 100) || "(none)"}. Send parameters as application/x-www-form-urlencoded.`,
    );
  let text: string;
  try {
    text = STRICT_UTF8.decode(raw);
  } catch {
    throw invalidRequest("Invalid request: the body is not valid UTF-8.");
  }
  return decodeForm(text);
}

/**
 * Stripe's API over node:http: authentication, form parameters, idempotent replays, routing, and
 * every refusal in Stripe's error shape with Stripe's status, so the SDK raises the same error
 * classes as against Stripe. Each answer carries a `Request-Id`, as Stripe's do.
 */
export function createSandboxServer(setup: ServerSetup): Server {
  const idempotency = new IdempotencyStore();

  async function answerApi(req: IncomingMessage, res: ServerResponse, path: string, query: string) {
    const method = req.method ?? "GET";
    const requestId = newId("request");
    const version = req.headers["stripe-version"];
    res.setHeader("request-id", requestId);
    res.setHeader(
      "stripe-version",
      typeof version === "string" && version !== "" ? version : setup.apiVersion,
    );

    const apiKey = apiKeyOf(req.headers.authorization);
    if (req.headers["stripe-account"] !== undefined)
      throw invalidRequest(
        "The Stripe sandbox acts as the platform only: calls on behalf of a connected account (Stripe-Account) are not supported. Use destination charges (transfer_data[destination]).",
      );
    const match = findRoute(setup.routes, method, path);
    if (!match) throw unrecognized(method, path);
    const params = await paramsOf(req, method, query);

    const keyHeader = req.headers["idempotency-key"];
    const key =
      method === "POST" && typeof keyHeader === "string" && keyHeader !== "" ? keyHeader : undefined;
    if (key !== undefined) IdempotencyStore.checkKey(key);
    const idempotent = key === undefined ? undefined : { apiKey, key, endpoint: `${method} ${path}`, params };
    if (idempotent) {
      res.setHeader("idempotency-key", idempotent.key);
      const replay = idempotency.replayFor(idempotent);
      if (replay) {
        send(res, replay.status, replay.body, {
          "idempotent-replayed": "true",
          "original-request": replay.requestId,
        });
        return;
      }
    }

    let answer: StoredAnswer;
    try {
      const body = match.route.handle({
        params,
        path: match.path,
        origin: { id: requestId, idempotency_key: key ?? null },
      });
      answer = { status: 200, body: JSON.stringify(body, null, 2), requestId };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      answer = { status: error.status, body: JSON.stringify(errorResponseBody(error), null, 2), requestId };
    }
    // Stripe keeps the answer of a call that ran (a success, or a card declined after the attempt
    // was made), not of one refused before it ran: a corrected retry may then reuse the key.
    if (idempotent && (answer.status === 200 || answer.status === 402))
      idempotency.remember(idempotent, answer);
    send(res, answer.status, answer.body);
  }

  function answerPage(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (req.method !== "GET") return false;
    for (const page of setup.pages) {
      const values = matchPath(page.path, path);
      if (!values) continue;
      const next = page.visit(values, {
        ip: req.socket.remoteAddress ?? null,
        userAgent: req.headers["user-agent"] ?? null,
      });
      if (!next) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("This link does not exist.\n");
      } else {
        res.writeHead(302, { location: next.location, "cache-control": "no-store" });
        res.end();
      }
      return true;
    }
    return false;
  }

  const server = createServer(
    {
      headersTimeout: DEFAULT_HTTP_TIMEOUTS.headersTimeoutMs,
      requestTimeout: DEFAULT_HTTP_TIMEOUTS.requestTimeoutMs,
    },
    (req, res) => {
      const url = req.url ?? "/";
      const queryStart = url.indexOf("?");
      const path = queryStart < 0 ? url : url.slice(0, queryStart);
      const query = queryStart < 0 ? "" : url.slice(queryStart + 1);
      const method = req.method ?? "GET";
      const work = async () => {
        // An encoded or dotted path names nothing here; refusing it first keeps ids plain.
        if (!isPlainPath(path)) throw unrecognized(method, path);
        if (path.startsWith("/v1/")) return answerApi(req, res, path, query);
        if (!answerPage(req, res, path)) throw unrecognized(method, path);
      };
      work().catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof ApiError) return sendError(res, error);
        if (error instanceof FormDecodingError)
          return sendError(res, invalidRequest(error.message, error.param ? { param: error.param } : {}));
        setup.onUnexpectedError(error);
        sendError(
          res,
          new ApiError(500, {
            type: "api_error",
            message: "An unknown error occurred in the Stripe sandbox.",
          }),
        );
      });
    },
  );
  return server;
}

import type { ServerResponse } from "node:http";
import { IDENTITY_HEADER, type InternalIdentity } from "@venta/auth";
import { type Logger, type RouteHandler, readJsonBodyOrReply, sendJson } from "@venta/kit";

/** What every internal route is built with. */
export interface InternalRouteGuard {
  /** The internal identity: only a holder of its secret (another Venta service) may call the route. */
  identity: InternalIdentity;
  log: Logger;
}

interface InternalRouteOptions extends InternalRouteGuard {
  path: string;
  /** What a caller asks here, in the log line of a refused forgery: "a caller check". */
  question: string;
}

/**
 * A plain route that only other Venta services may call: POST only (405 otherwise), then an
 * identity header signed with the internal secret (401 when missing or forged) checked before the
 * body is even read, so a stranger costs no parsing; then the JSON body (413/400 when too large or
 * not JSON) is handed to `answer`.
 */
export function internalRoute(
  { path, identity, log, question }: InternalRouteOptions,
  answer: (body: unknown, res: ServerResponse) => Promise<void>,
): RouteHandler {
  return async (req, res) => {
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      sendJson(res, 405, { error: "use POST" });
      return;
    }
    const header = req.headers[IDENTITY_HEADER];
    if (typeof header !== "string" || header === "") {
      sendJson(res, 401, { error: `the ${IDENTITY_HEADER} header is required` });
      return;
    }
    try {
      await identity.verify(header);
    } catch {
      log.warn({ path }, `refused ${question} with a forged identity`);
      sendJson(res, 401, { error: `the ${IDENTITY_HEADER} header is not valid` });
      return;
    }
    const read = await readJsonBodyOrReply(req, res);
    if (!read) return;
    await answer(read.body, res);
  };
}

/** A field of a JSON object body; undefined when the body is not an object or lacks it. */
export function bodyField(body: unknown, name: string): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  return Object.getOwnPropertyDescriptor(body, name)?.value;
}

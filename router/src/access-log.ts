import type { Server } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Viewer } from "@venta/auth";
import { currentRequestScope, type Logger, requestScopeOf } from "@venta/kit";

/** How a caller is named in logs and metrics: the kind, never the person or partner. */
export type CallerKind = "anonymous" | "person" | "partner" | "internal";

export function callerKind(viewer: Viewer, internal = false): CallerKind {
  if (internal) return "internal";
  if (viewer.partner) return "partner";
  return viewer.userId ? "person" : "anonymous";
}

/** Notes who called, for the access log line of the request being served. */
export function noteCaller(viewer: Viewer): void {
  const scope = currentRequestScope();
  if (scope) scope.caller = callerKind(viewer);
}

/** Notes the operation's name (not its text or variables) for the access log. */
export const accessLogPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName }) {
        const scope = currentRequestScope();
        if (scope) scope.operationName = operationName ?? undefined;
      },
    };
  },
};

/**
 * One line per HTTP request the router answers: request id, method, path (never the query string,
 * which can carry a GET operation's variables), operation name, status, duration and caller kind.
 * No header, token, address or variable is logged.
 */
export function logAccess(httpServer: Server, log: Logger): void {
  httpServer.on("request", (req, res) => {
    const started = process.hrtime.bigint();
    res.once("close", () => {
      const scope = requestScopeOf(req);
      log.info(
        {
          requestId: scope?.requestId,
          method: req.method,
          path: (req.url ?? "/").split("?")[0],
          operation: scope?.operationName,
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
          caller: scope?.caller ?? "anonymous",
        },
        "request",
      );
    });
  });
}

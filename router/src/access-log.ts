import type { IncomingMessage, Server } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Viewer } from "@venta/auth";
import { callerKindOf, type Logger, type RequestScope, requestScopeOf } from "@venta/kit";

/** Probes and scrapes arrive every few seconds from the platform: logged at debug, not info. */
const PLATFORM_PATHS = new Set(["/health", "/health/live", "/health/ready", "/metrics"]);

/** Notes who called, for the request's access log line; returns the scope the context should carry. */
export function noteCaller(req: IncomingMessage, viewer: Viewer): RequestScope | undefined {
  const scope = requestScopeOf(req);
  if (scope) scope.caller = callerKindOf(viewer);
  return scope;
}

/**
 * Notes the operation's name (not its text or variables) for the access log, on the scope the
 * request's context carries (Apollo hands plugins a copy of the context, with the same scope).
 */
export const accessLogPlugin: ApolloServerPlugin<{ requestScope?: RequestScope | undefined }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, contextValue }) {
        if (contextValue.requestScope) contextValue.requestScope.operationName = operationName ?? undefined;
      },
    };
  },
};

/**
 * One line per HTTP request the router answers: request id, method, path (never the query string,
 * which can carry a GET operation's variables), operation name, status, duration and caller kind.
 * No header, token, address or variable is logged. Health probes and metric scrapes log at debug.
 */
export function logAccess(httpServer: Server, log: Logger): void {
  httpServer.on("request", (req, res) => {
    const started = process.hrtime.bigint();
    res.once("close", () => {
      const scope = requestScopeOf(req);
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      log[PLATFORM_PATHS.has(path) ? "debug" : "info"](
        {
          requestId: scope?.requestId,
          method: req.method,
          path,
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

import type { IncomingMessage, Server } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Viewer } from "@venta/auth";
import { callerKindOf, type Logger, type RequestScope, requestScopeOf } from "@venta/kit";

/** Probes and scrapes arrive every few seconds from the platform: logged at debug, not info. */
const PLATFORM_PATHS = new Set(["/health", "/health/live", "/health/ready", "/metrics"]);

/** The access-log scope of the request each GraphQL context was made for. */
const scopeOfContext = new WeakMap<object, RequestScope>();

/**
 * Notes who called, for the request's access log line, and ties its GraphQL context to the request
 * so the operation's name can be noted once Apollo has resolved it.
 */
export function noteCaller(req: IncomingMessage, context: object, viewer: Viewer): void {
  const scope = requestScopeOf(req);
  if (!scope) return;
  scope.caller = callerKindOf(viewer);
  scopeOfContext.set(context, scope);
}

/** Notes the operation's name (not its text or variables) for the access log. */
export const accessLogPlugin: ApolloServerPlugin<object> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, contextValue }) {
        const scope = scopeOfContext.get(contextValue);
        if (scope) scope.operationName = operationName ?? undefined;
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

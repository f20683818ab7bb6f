import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { reportUnexpectedError } from "./error-reporting.js";

/** The `extensions.code` values clients can rely on. */
export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  NotFound: "NOT_FOUND",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  Conflict: "CONFLICT",
  /** The operation breaks a limit (depth, aliases, directives, tokens or cost); `limit` says which. */
  QueryTooComplex: "QUERY_TOO_COMPLEX",
  /** The caller's request budget is spent; `retryAfterSeconds` says when to come back. */
  RateLimited: "RATE_LIMITED",
  /** A part of the API is down for a moment; the rest of the response is still good. */
  ServiceUnavailable: "SERVICE_UNAVAILABLE",
  Internal: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Input the client can fix; `field` names the argument or input field at fault. */
export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BadUserInput, ...(field ? { field } : {}) },
  });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NotFound } });
}

export function conflict(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Conflict, ...(field ? { field } : {}) } });
}

const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

function isUncodedClientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const http = error.extensions.http;
  const status = typeof http === "object" && http !== null && "status" in http ? http.status : undefined;
  return typeof status === "number" && status >= 400 && status < 500;
}

const serviceOf = (log: Logger): string | undefined => {
  const service: unknown = log.bindings().service;
  return typeof service === "string" ? service : undefined;
};

/** Whether the client caused `error` (it keeps its code and message), as the formatter decides. */
export function isClientError(error: GraphQLError): boolean {
  const code = error.extensions.code;
  return (typeof code === "string" && CLIENT_CODES.has(code)) || isUncodedClientError(error);
}

/** Faults already logged, so the formatter's fallback never logs one twice. */
const logged = new WeakSet<object>();

/**
 * Logs a fault of ours with its stack and reports it to error tracking, once per error, with the
 * request's id when the caller knows it.
 */
export function logUnexpectedError(
  log: Logger,
  error: unknown,
  requestId: string | undefined,
  path?: readonly (string | number)[],
): void {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (typeof error === "object" && error !== null) {
    if (logged.has(error)) return;
    logged.add(error);
  }
  log.error({ err: original, path, requestId }, "unexpected error while resolving a request");
  reportUnexpectedError(original, { requestId, service: serviceOf(log) });
}

/**
 * Logs the faults of ours among a request's errors with its request id, before the formatter
 * masks them (the formatter is not told which request an error belongs to).
 */
export function unexpectedErrorLogPlugin<TContext extends { requestId: string }>(
  log: Logger,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors)
            if (!isClientError(error)) logUnexpectedError(log, error, contextValue.requestId, error.path);
        },
      };
    },
  };
}

/**
 * Errors a client caused keep their message and code; anything else is a fault of ours: it is logged
 * with its stack (here, unless `unexpectedErrorLogPlugin` or the caller logged it with its request
 * id) and the client sees only a generic message. No stack trace ever leaves the service.
 */
export function createErrorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    if (typeof code === "string" && CLIENT_CODES.has(code)) {
      return { ...formatted, extensions };
    }
    // Apollo refuses some malformed requests (a persisted query's hash that does not match its text,
    // an unknown persisted-query version) with a 4xx status and no code of their own (the formatted
    // error says INTERNAL_SERVER_ERROR in its place): the client's mistake.
    if (isUncodedClientError(error)) {
      return { ...formatted, extensions: { ...extensions, code: "BAD_REQUEST" } };
    }
    logUnexpectedError(log, error, undefined, formatted.path);
    return {
      message: "Internal server error",
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: ErrorCode.Internal },
    };
  };
}

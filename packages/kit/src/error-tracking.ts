import { createRequire } from "node:module";
import { setErrorReporter } from "./error-reporting.js";

/** Loaded only when `SENTRY_DSN` is set: without it nothing of Sentry's is read or sent. */
const load = createRequire(import.meta.url);

type SentryNode = typeof import("@sentry/node");
type SentryEvent = Parameters<NonNullable<import("@sentry/node").NodeOptions["beforeSend"]>>[0];

export interface ErrorTracking {
  /** Sends what is still queued (for up to two seconds), then stops. */
  shutdown(): Promise<void>;
}

/**
 * What may leave for Sentry: the error, its stack and our tags (service, request id). Request
 * details (headers carry tokens, bodies and query strings carry personal data), the user and
 * breadcrumbs (log messages) are dropped.
 */
export function scrubEvent<E extends SentryEvent>(event: E): E {
  const { request: _request, user: _user, breadcrumbs: _breadcrumbs, extra: _extra, ...kept } = event;
  return kept as E;
}

/**
 * Reports unexpected errors (those the error formatter logs as unexpected: 5xx) to Sentry when
 * `SENTRY_DSN` is set, tagged with the service and the request id; nothing otherwise. Sentry's own
 * tracing and automatic instrumentation stay off: traces are OpenTelemetry's (tracing.ts).
 */
export function startErrorTracking(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): ErrorTracking | undefined {
  const dsn = env.SENTRY_DSN;
  if (!dsn) return undefined;
  const Sentry = load("@sentry/node") as SentryNode;
  Sentry.init({
    dsn,
    environment: env.SENTRY_ENVIRONMENT || env.NODE_ENV || "production",
    ...(env.SENTRY_RELEASE ? { release: env.SENTRY_RELEASE } : {}),
    defaultIntegrations: false,
    integrations: [],
    // Spans are OpenTelemetry's own pipeline (tracing.ts): Sentry must not register a provider.
    enableOpenTelemetrySetup: false,
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: () => null,
  });
  setErrorReporter((error, { requestId, service }) => {
    Sentry.withScope((scope) => {
      scope.setTag("service", service ?? serviceName);
      if (requestId) scope.setTag("request_id", requestId);
      Sentry.captureException(error);
    });
  });
  return {
    shutdown: async () => {
      setErrorReporter(undefined);
      await Sentry.close(2_000);
    },
  };
}

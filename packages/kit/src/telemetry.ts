import { startErrorTracking } from "./error-tracking.js";
import { startTracing } from "./tracing.js";

export interface Telemetry {
  /** Flushes spans and error reports still buffered; the last thing a service does before it exits. */
  shutdown(): Promise<void>;
}

/**
 * Tracing (when `OTEL_EXPORTER_OTLP_ENDPOINT` is set) and error tracking (when `SENTRY_DSN` is).
 * Each service calls this in its `telemetry.start.ts`, which its `main.ts` imports first of all:
 * ES modules run their imports in order, so the SDK is in place before any other module loads,
 * and this module imports nothing heavy (the SDKs are loaded only when enabled).
 */
export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): Telemetry {
  const tracing = startTracing(serviceName, env);
  const errors = startErrorTracking(serviceName, env);
  running = {
    shutdown: async () => {
      await Promise.allSettled([tracing?.shutdown(), errors?.shutdown()]);
    },
  };
  return running;
}

let running: Telemetry | undefined;

/** Flushes and stops what `startTelemetry` started in this process, if anything: a shutdown step. */
export async function shutdownTelemetry(): Promise<void> {
  await running?.shutdown();
}

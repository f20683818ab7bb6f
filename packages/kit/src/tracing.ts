import { createRequire } from "node:module";
import { markTracingStarted } from "./tracing-state.js";

/**
 * Loaded only when tracing is on: a service without an OTLP endpoint never even reads the SDK. The
 * require is synchronous so that `startTracing` finishes before the module importing it goes on:
 * the tracer provider is registered before any code asks `@opentelemetry/api` for a tracer.
 */
const load = createRequire(import.meta.url);

export interface Tracing {
  /** Exports the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** The `OTEL_EXPORTER_OTLP_PROTOCOL` values we export with (gRPC is not among them). */
export const OTLP_PROTOCOLS = ["http/protobuf", "http/json"] as const;
type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

const isOtlpProtocol = (value: string): value is OtlpProtocol =>
  (OTLP_PROTOCOLS as readonly string[]).includes(value);

/** The configured protocol; undefined for one we cannot speak (the service's config check names it). */
function protocolOf(env: NodeJS.ProcessEnv): OtlpProtocol | undefined {
  const protocol =
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL || "http/protobuf";
  return isOtlpProtocol(protocol) ? protocol : undefined;
}

/** Whether the standard OpenTelemetry settings ask for traces to be exported. */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === "true" || env.OTEL_TRACES_EXPORTER === "none") return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts OpenTelemetry tracing for this process when `OTEL_EXPORTER_OTLP_ENDPOINT` (or the traces
 * one) is set, and does nothing otherwise. Spans go over OTLP/HTTP, as protobuf unless
 * `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`; the other standard settings (`OTEL_BSP_SCHEDULE_DELAY`,
 * `OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_TRACES_SAMPLER`, ...) apply as the SDK reads them.
 * Call it first in a process: each service's `tracing.start.ts` does, as `main.ts`'s first import.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (!tracingConfigured(env)) return undefined;
  const protocol = protocolOf(env);
  if (!protocol) return undefined;
  const { NodeSDK } = load("@opentelemetry/sdk-node") as typeof import("@opentelemetry/sdk-node");
  const traceExporter =
    protocol === "http/json"
      ? new (
          load(
            "@opentelemetry/exporter-trace-otlp-http",
          ) as typeof import("@opentelemetry/exporter-trace-otlp-http")
        ).OTLPTraceExporter()
      : new (
          load(
            "@opentelemetry/exporter-trace-otlp-proto",
          ) as typeof import("@opentelemetry/exporter-trace-otlp-proto")
        ).OTLPTraceExporter();
  const sdk = new NodeSDK({
    serviceName,
    traceExporter,
    // No automatic instrumentation: it patches CommonJS loading, and our services are ES modules.
    // Our HTTP server opens each request's span (http-tracing.ts) and the gateway's data source
    // sends `traceparent` to subgraphs, so a request is one trace without it.
    instrumentations: [],
    // No cloud metadata lookups at start-up: the resource is the service and its host.
    resourceDetectors: [],
  });
  sdk.start();
  markTracingStarted();
  return { shutdown: () => sdk.shutdown() };
}

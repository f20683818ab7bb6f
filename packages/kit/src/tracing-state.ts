/**
 * Whether this process exports traces. Checked before any span work so that a service without
 * `OTEL_EXPORTER_OTLP_ENDPOINT` pays nothing per request: not even a no-op span.
 */
let started = false;

export const tracingStarted = (): boolean => started;

export function markTracingStarted(): void {
  started = true;
}

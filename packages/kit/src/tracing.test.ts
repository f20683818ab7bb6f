import { describe, expect, it } from "vitest";
import { baseEnv, loadConfig } from "./config.js";
import { startTelemetry } from "./telemetry.js";
import { startTracing, tracingConfigured } from "./tracing.js";
import { tracingStarted } from "./tracing-state.js";

describe("telemetry settings", () => {
  it("is off, and costs nothing, without an OTLP endpoint or a Sentry DSN", async () => {
    expect(tracingConfigured({})).toBe(false);
    expect(
      tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_SDK_DISABLED: "true" }),
    ).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" })).toBe(true);
    await startTelemetry("test", {}).shutdown();
    expect(tracingStarted()).toBe(false);
  });

  it("refuses an OTLP protocol it cannot speak, by name, at config time (and does not start on it)", () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4317", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" };
    expect(startTracing("test", env)).toBeUndefined();
    expect(() => loadConfig(baseEnv, env)).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL/);
    expect(
      loadConfig(baseEnv, { ...env, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" }).OTEL_EXPORTER_OTLP_PROTOCOL,
    ).toBe("http/json");
    expect(() => loadConfig(baseEnv, { SENTRY_DSN: "not a url" })).toThrow(/SENTRY_DSN/);
  });
});

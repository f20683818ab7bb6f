// main.ts imports this first, for its effect: tracing hooks in before any other module loads
// (see @venta/kit/telemetry); shutdownTelemetry() flushes it on the way out.
import { startTelemetry } from "@venta/kit/telemetry";

startTelemetry("marketplace");

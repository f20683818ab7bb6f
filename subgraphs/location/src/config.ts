import { baseEnv, envVar, loadConfig } from "@venta/kit";

export const locationEnv = baseEnv.extend({
  LOCATION_PORT: envVar.port(4002),
  /** A position older than this many seconds is no longer live. */
  LIVE_WINDOW_SECONDS: envVar.positiveInt(120),
  /** How often to look for vendors that went past the live window, to announce them OFFLINE. */
  OFFLINE_SWEEP_MS: envVar.positiveInt(5_000),
});
export type LocationConfig = ReturnType<typeof locationEnv.parse>;

export const loadLocationConfig = (env: NodeJS.ProcessEnv = process.env): LocationConfig =>
  loadConfig(locationEnv, env);

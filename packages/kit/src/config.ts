import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DEFAULT_HTTP_TIMEOUTS, type HttpServerTimeouts } from "./http-server.js";
import { OTLP_PROTOCOLS } from "./tracing.js";

/** Raised when the environment does not describe a service we can start; names every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment once, at start-up. A bad value stops the service with a readable list. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
}

/**
 * The repository root: the nearest package.json above `from` that declares workspaces. By default
 * it is found from this file, so defaults do not depend on the directory a service is started in.
 */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && "workspaces" in (JSON.parse(readFileSync(manifest, "utf8")) as object)) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** Building blocks for each service's env schema, so every service reads a variable the same way. */
export const envVar = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback),
  positiveInt: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  url: () => z.preprocess(emptyAsUndefined, z.string().url().optional()),
  /** An optional string (empty counts as unset) that `accepts` takes; `message` says what it must be. */
  checked: (accepts: (value: string) => boolean, message: string) =>
    z.preprocess(emptyAsUndefined, z.string().refine(accepts, { message }).optional()),
  flag: (fallback: boolean) =>
    z
      .enum(["true", "false", "1", "0", "yes", "no"])
      .default(fallback ? "true" : "false")
      .transform((v) => v === "true" || v === "1" || v === "yes"),
};

/** graphql-ws messages larger than this close their socket (1009); see `WS_MAX_MESSAGE_BYTES`. */
export const DEFAULT_WS_MAX_MESSAGE_BYTES = 64 * 1024;

/** Variables every service understands. */
export const baseEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  DATA_DIR: z.string().min(1).default(join(repoRoot(), "data")),
  MONGODB_URI: z.preprocess(emptyAsUndefined, z.string().startsWith("mongodb").optional()),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.string().startsWith("redis").optional()),
  /**
   * Shared by the router (which signs the caller's identity) and the subgraphs (which check it).
   * Required in production; elsewhere a random one is kept under DATA_DIR.
   */
  INTERNAL_AUTH_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, "use at least 32 random characters").optional(),
  ),
  /**
   * Development only (refused in production): a subgraph serves GraphQL calls that lack the
   * router's signature as anonymous, so it can be run and queried on its own.
   */
  SUBGRAPH_ACCEPT_UNSIGNED: envVar.flag(false),
  /** A client must send its request headers within this long: a trickling client cannot hold a connection. */
  HTTP_HEADERS_TIMEOUT_MS: envVar.positiveInt(DEFAULT_HTTP_TIMEOUTS.headersTimeoutMs),
  /** ...and its whole request within this long: room for the largest upload at about 60 KB/s. */
  HTTP_REQUEST_TIMEOUT_MS: envVar.positiveInt(DEFAULT_HTTP_TIMEOUTS.requestTimeoutMs),
  /**
   * Largest graphql-ws message, router and subgraphs alike. A subscription and its variables, or a
   * `connection_init` with a token, fit in a few KB; uploads go over HTTP. `ws` would buffer 100 MiB.
   */
  WS_MAX_MESSAGE_BYTES: envVar.positiveInt(DEFAULT_WS_MAX_MESSAGE_BYTES),
  /**
   * Where traces go over OTLP/HTTP (an OpenTelemetry collector: `http://collector:4318`); tracing
   * is off without it. Read by `startTelemetry` before the config loads: checked here for a clear error.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: envVar.url(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.preprocess(emptyAsUndefined, z.enum(OTLP_PROTOCOLS).optional()),
  /** Unexpected errors go to this Sentry project when set (`https://key@host/project`). */
  SENTRY_DSN: envVar.url(),
  SENTRY_ENVIRONMENT: z.preprocess(emptyAsUndefined, z.string().optional()),
});
export type BaseConfig = z.infer<typeof baseEnv>;

/** The HTTP servers' deadlines for receiving a request; Node refuses a header deadline past the request's. */
export function httpTimeouts(config: BaseConfig): HttpServerTimeouts {
  if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      "Invalid environment:\n  HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS",
    );
  }
  return {
    headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
  };
}

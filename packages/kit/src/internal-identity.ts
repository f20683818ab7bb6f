import { InternalIdentity, internalSecret } from "@venta/auth";
import { type BaseConfig, ConfigError } from "./config.js";

/** The router-to-subgraph identity signer/checker every service builds the same way. */
export function internalIdentity(config: BaseConfig): InternalIdentity {
  if (config.NODE_ENV === "production" && !config.INTERNAL_AUTH_SECRET) {
    throw new ConfigError("Invalid environment:\n  INTERNAL_AUTH_SECRET: required in production");
  }
  if (config.NODE_ENV === "production" && config.SUBGRAPH_ACCEPT_UNSIGNED) {
    // A subgraph that serves unsigned calls is an open door around every router check.
    throw new ConfigError("Invalid environment:\n  SUBGRAPH_ACCEPT_UNSIGNED: not allowed in production");
  }
  return new InternalIdentity(
    internalSecret({ configured: config.INTERNAL_AUTH_SECRET, dataDir: config.DATA_DIR }),
    { acceptUnsigned: config.SUBGRAPH_ACCEPT_UNSIGNED },
  );
}

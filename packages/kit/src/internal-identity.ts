import { InternalIdentity, internalSecret } from "@venta/auth";
import { type BaseConfig, ConfigError } from "./config.js";

/** The router-to-subgraph identity signer/checker every service builds the same way. */
export function internalIdentity(config: BaseConfig): InternalIdentity {
  if (config.NODE_ENV === "production" && !config.INTERNAL_AUTH_SECRET) {
    throw new ConfigError("Invalid environment:\n  INTERNAL_AUTH_SECRET: required in production");
  }
  return new InternalIdentity(
    internalSecret({ configured: config.INTERNAL_AUTH_SECRET, dataDir: config.DATA_DIR }),
  );
}

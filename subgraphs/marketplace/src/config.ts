import { baseEnv, envVar, loadConfig } from "@venta/kit";

export const marketplaceEnv = baseEnv.extend({ MARKETPLACE_PORT: envVar.port(4001) });
export type MarketplaceConfig = ReturnType<typeof marketplaceEnv.parse>;

export const loadMarketplaceConfig = (env: NodeJS.ProcessEnv = process.env): MarketplaceConfig =>
  loadConfig(marketplaceEnv, env);

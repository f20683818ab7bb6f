import { anonymous, type Viewer } from "@venta/auth";
import { SqliteEventBus } from "@venta/events";
import type { RequestContext } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { type ExecutionResult, execute, type GraphQLSchema, parse } from "graphql";
import { type MarketplaceServices, marketplaceContext } from "./context.js";
import { PartnerKeysService } from "./partners/partner-keys.service.js";
import { buildMarketplaceSchema } from "./schema.js";
import { openSqlite } from "./stores.js";
import { UsersService } from "./users/users.service.js";
import { VendorsService } from "./vendors/vendors.service.js";

let cachedSchema: Promise<GraphQLSchema> | undefined;

/** The marketplace schema over in-memory SQLite, executed in-process: for resolver tests. */
export async function marketplaceHarness() {
  cachedSchema ??= buildMarketplaceSchema();
  const schema = await cachedSchema;
  const stores = openSqlite(":memory:");
  const bus = new SqliteEventBus(":memory:", testLogger);
  const services: MarketplaceServices = {
    vendorsStore: stores.vendors,
    usersStore: stores.users,
    partnerKeysStore: stores.partnerKeys,
    vendors: new VendorsService(stores.vendors, stores.users, bus),
    users: new UsersService(stores.users, bus),
    partnerKeys: new PartnerKeysService(stores.partnerKeys),
  };
  const createContext = marketplaceContext(services);
  /** Runs an operation as `viewer`: anonymous unless given. */
  const run = async (
    query: string,
    variables?: Record<string, unknown>,
    viewer: Viewer = anonymous,
  ): Promise<ExecutionResult> => {
    const base: RequestContext = { requestId: "test", log: testLogger, viewer };
    return execute({
      schema,
      document: parse(query),
      variableValues: variables,
      contextValue: createContext(base),
    });
  };
  const close = async () => {
    await bus.close();
    await stores.close();
  };
  return { run, services, stores, bus, close };
}

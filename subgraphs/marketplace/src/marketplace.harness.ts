import { SqliteEventBus } from "@venta/events";
import type { RequestContext } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { type ExecutionResult, execute, type GraphQLSchema, parse } from "graphql";
import { type MarketplaceServices, marketplaceContext } from "./context.js";
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
    vendors: new VendorsService(stores.vendors, stores.users, bus),
    users: new UsersService(stores.users, bus),
  };
  const createContext = marketplaceContext(services);
  const run = async (query: string, variables?: Record<string, unknown>): Promise<ExecutionResult> => {
    const base: RequestContext = { requestId: "test", log: testLogger };
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

import { anonymous, type Viewer } from "@venta/auth";
import { SqliteEventBus } from "@venta/events";
import type { RequestContext } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { type ExecutionResult, execute, type GraphQLSchema, parse } from "graphql";
import type { ChatVendorRecord } from "./chat/chat-vendor.record.js";
import { communicationEnv } from "./config.js";
import { buildCommunicationSchema } from "./schema.js";
import { communicationContext, communicationServices } from "./services.js";
import { openSqlite } from "./stores.js";

/** A listed vendor owned by `owner-1`, as the chat projection holds it: the cart most tests talk to. */
export const tacoCart: ChatVendorRecord = {
  vendorId: "cart-1",
  name: "Taco Cart",
  ownerId: "owner-1",
  listed: true,
  version: 1,
};

let cachedSchema: Promise<GraphQLSchema> | undefined;

/** The communication schema over in-memory SQLite, executed in-process: for resolver tests. */
export async function communicationHarness(env: NodeJS.ProcessEnv = {}) {
  cachedSchema ??= buildCommunicationSchema();
  const schema = await cachedSchema;
  const config = communicationEnv.parse({ DATA_DIR: ":memory:", ...env });
  const stores = openSqlite(":memory:");
  const bus = new SqliteEventBus(":memory:", testLogger);
  const services = communicationServices(stores, bus, config, testLogger);
  const createContext = communicationContext(services);
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
  return { run, services, stores, bus, config, close };
}

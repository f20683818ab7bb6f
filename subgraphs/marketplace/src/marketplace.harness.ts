import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anonymous, type Viewer } from "@venta/auth";
import { SqliteEventBus, startOutboxRelay } from "@venta/events";
import type { RequestContext } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { type ExecutionResult, execute, type GraphQLSchema, parse } from "graphql";
import { marketplaceContext } from "./context.js";
import { DEFAULT_CHECK_IN_RULES } from "./loyalty/check-in-rules.js";
import { DocumentLinks, documentLinkKey } from "./media/document-links.js";
import { LocalFileStorage } from "./media/file-storage.local.js";
import { marketplaceModules } from "./modules.js";
import { buildMarketplaceSchema } from "./schema.js";
import { marketplaceServices } from "./services.js";
import { openSqlite } from "./stores.js";

/** What the harness's services take: local files under `mediaDir`, links keyed by a fixed secret. */
export function harnessSettings(mediaDir: string) {
  return {
    files: new LocalFileStorage({ root: mediaDir, publicBaseUrl: "http://media.test" }),
    log: testLogger,
    documentLinks: new DocumentLinks({
      key: documentLinkKey(new TextEncoder().encode("a-harness-secret-of-at-least-32-characters")),
      publicBaseUrl: "http://media.test",
    }),
    checkInRules: DEFAULT_CHECK_IN_RULES,
  };
}

let cachedSchema: Promise<GraphQLSchema> | undefined;

/** The marketplace schema over in-memory SQLite, executed in-process: for resolver tests. */
export async function marketplaceHarness() {
  cachedSchema ??= buildMarketplaceSchema();
  const schema = await cachedSchema;
  const stores = openSqlite(":memory:");
  const bus = new SqliteEventBus(":memory:", testLogger);
  // As in the server: what the stores announce reaches the bus through their outbox.
  const relay = startOutboxRelay({ outbox: stores.outbox, bus, log: testLogger });
  /** Uploaded files go to a throw-away directory, removed on close. */
  const mediaDir = mkdtempSync(join(tmpdir(), "venta-media-"));
  const settings = harnessSettings(mediaDir);
  const files = settings.files;
  const services = marketplaceServices(stores, settings);
  const createContext = marketplaceContext(marketplaceModules, services);
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
    await relay.stop();
    await bus.close();
    await stores.close();
    rmSync(mediaDir, { recursive: true, force: true });
  };
  return { run, services, stores, bus, relay, files, close };
}

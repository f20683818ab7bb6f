import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testLogger } from "@venta/testing";
import { eventBusContract } from "./event-bus.contract.js";
import { SqliteEventBus } from "./event-bus.sqlite.js";

// A real file, because the point of this bus is that separate processes share it.
eventBusContract(
  "SQLite",
  async (options) =>
    new SqliteEventBus(join(mkdtempSync(join(tmpdir(), "venta-bus-")), "events.db"), testLogger, 10, options),
);

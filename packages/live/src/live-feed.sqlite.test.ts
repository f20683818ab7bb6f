import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { liveFeedContract } from "./live-feed.contract.js";
import { SqliteLiveFeed } from "./live-feed.sqlite.js";

// Two handles on one file, as location and the router open it from their own processes.
liveFeedContract("SQLite", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "venta-live-")), "live.db");
  return { publisher: new SqliteLiveFeed(file), listener: new SqliteLiveFeed(file, 5) };
});

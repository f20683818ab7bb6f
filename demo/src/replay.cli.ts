import { parseArgs } from "node:util";
import {
  openEventBus,
  openEventStore,
  recordEvents,
  recorderCaughtUp,
  replayProjection,
} from "@venta/events";
import { baseEnv, ConfigError, createLogger, loadConfig } from "@venta/kit";
import { PROJECTIONS } from "./replay/projections.js";

const USAGE = `usage: npm run replay -- <projection> [--dry-run]
  Rebuilds a projection from the event store: forgets what it holds, then applies every stored event
  of its types in order. The services may keep running: the projection's live consumer goes on
  from the bus, and events published meanwhile are applied too. --dry-run counts and changes nothing.
  Projections: ${Object.keys(PROJECTIONS).join(", ")}`;

/** `npm run replay`: rebuilds one projection from the event store and says what it did. */
async function main(): Promise<void> {
  const config = loadConfig(baseEnv);
  const log = createLogger("replay", { level: config.LOG_LEVEL, format: config.LOG_FORMAT ?? "pretty" });
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "dry-run": { type: "boolean", default: false }, help: { type: "boolean", default: false } },
  });
  const name = positionals[0];
  const open = name ? PROJECTIONS[name] : undefined;
  if (values.help || !name || !open)
    throw new ConfigError(name && !open ? `no projection ${name}\n${USAGE}` : USAGE);
  const dryRun = values["dry-run"];

  const bus = openEventBus(config, log);
  const store = await openEventStore(config);
  // The store must hold everything published so far even while marketplace (its usual recorder) is down.
  const recording = recordEvents(bus, store, log);
  const opened = await open(config, log);
  try {
    const report = await replayProjection({
      store,
      projection: opened.projection,
      dryRun,
      caughtUp: () => recorderCaughtUp(bus),
      log,
    });
    const verb = dryRun ? "would apply" : "applied";
    process.stdout.write(
      `${name}: ${verb} ${report.applied} events in ${report.elapsedMs} ms${dryRun ? " (dry run: nothing changed)" : ""}\n`,
    );
    for (const [type, count] of Object.entries(report.byType)) process.stdout.write(`  ${type}: ${count}\n`);
  } finally {
    await recording.stop();
    await opened.close();
    await bus.close();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { parseArgs } from "node:util";
import { AGGREGATE_TYPES, type AggregateType, openEventStore } from "@venta/events";
import { baseEnv, ConfigError, loadConfig } from "@venta/kit";

const USAGE = `usage: npm run events -- <aggregate type> <id> [--first N]
  Prints an aggregate's events from the event store, oldest first: position, time, type, id, payload.
  Aggregate types: ${AGGREGATE_TYPES.join(", ")}`;

const isAggregateType = (value: string): value is AggregateType =>
  (AGGREGATE_TYPES as readonly string[]).includes(value);

/** `npm run events`: an aggregate's history, as the event store keeps it. */
async function main(): Promise<void> {
  const config = loadConfig(baseEnv);
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { first: { type: "string", default: "1000" }, help: { type: "boolean", default: false } },
  });
  const [type, id] = positionals;
  const first = Number(values.first);
  if (values.help || !type || !id) throw new ConfigError(USAGE);
  if (!isAggregateType(type)) throw new ConfigError(`no aggregate type ${type}\n${USAGE}`);
  if (!Number.isInteger(first) || first < 1) throw new ConfigError("--first must be a positive integer");
  const store = await openEventStore(config);
  try {
    let after: number | undefined;
    let printed = 0;
    while (printed < first) {
      const page = await store.eventsFor(type, id, Math.min(500, first - printed), after);
      for (const { position, event } of page.events) {
        process.stdout.write(
          `${position}\t${event.occurredAt}\t${event.type}\t${event.id}\t${JSON.stringify(event.payload)}\n`,
        );
      }
      printed += page.events.length;
      after = page.events.at(-1)?.position;
      if (!page.hasNextPage) break;
    }
    if (printed === 0) process.stderr.write(`no events for ${type} ${id}\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { rmSync } from "node:fs";
import { join } from "node:path";
import { baseEnv, ConfigError, createLogger, loadConfig } from "@venta/kit";
import { seedAustin } from "./seed/seed.js";

/** `npm run seed [-- --reset] [-- --vendors N]`: writes the Austin demo into the configured stores. */
async function main(): Promise<void> {
  const config = loadConfig(baseEnv);
  const log = createLogger("seed", { level: config.LOG_LEVEL, format: config.LOG_FORMAT ?? "pretty" });
  const args = process.argv.slice(2);
  const vendorsArg = args.indexOf("--vendors");
  const vendorCount = vendorsArg >= 0 ? Number(args[vendorsArg + 1]) : 600;
  if (!Number.isInteger(vendorCount) || vendorCount < 1)
    throw new ConfigError("--vendors must be a positive integer");
  if (args.includes("--reset")) {
    if (config.MONGODB_URI) {
      const { default: mongoose } = await import("mongoose");
      const connection = await mongoose.createConnection(config.MONGODB_URI).asPromise();
      await connection.dropDatabase();
      await connection.close();
    } else {
      for (const name of ["marketplace", "location", "events", "event-store"]) {
        for (const suffix of ["", "-wal", "-shm"])
          rmSync(join(config.DATA_DIR, `${name}.db${suffix}`), { force: true });
      }
    }
    log.info("previous data removed");
  }
  const seeded = await seedAustin(config, log, vendorCount);
  log.info(
    seeded
      ? `seeded ${vendorCount} Austin vendors`
      : "the store already has vendors: nothing to do (use --reset to start over)",
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

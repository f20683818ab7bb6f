import { join } from "node:path";
import {
  baseEnv,
  ConfigError,
  createLogger,
  envVar,
  loadConfig,
  repoRoot,
  type ServiceProcess,
  spawnService,
} from "@venta/kit";
import { type Mailbox, startMailbox } from "./mailbox.js";
import { seedAustin } from "./seed/seed.js";

const env = baseEnv.extend({
  ROUTER_PORT: envVar.port(4000),
  MARKETPLACE_PORT: envVar.port(4001),
  LOCATION_PORT: envVar.port(4002),
  COMMUNICATION_PORT: envVar.port(4003),
  /** Moves demo vendors so the live map is alive; `SIMULATE=false` turns it off. */
  SIMULATE: envVar.flag(true),
  SIMULATE_VENDORS: envVar.positiveInt(60),
  /** Notification emails go here unless SMTP_URL names a real server: a local mailbox on this port. */
  SMTP_URL: envVar.url(),
  MAILBOX_PORT: envVar.port(1025),
});

const COLORS = [35, 36, 33, 32, 34];

/** `npm start`: seeds an empty store, then runs every subgraph and the router with prefixed logs. */
async function main(): Promise<void> {
  const config = loadConfig(env);
  const log = createLogger("start", { level: config.LOG_LEVEL, format: config.LOG_FORMAT ?? "pretty" });
  if (await seedAustin(config, log)) log.info("seeded the Austin demo data set");

  let mailbox: Mailbox | undefined;
  if (!config.SMTP_URL) {
    try {
      mailbox = await startMailbox({
        host: config.HOST,
        port: config.MAILBOX_PORT,
        dir: join(config.DATA_DIR, "mailbox"),
        onMessage: (line) => log.info(line),
      });
    } catch (error) {
      // Another mail catcher may own the port; the supergraph runs on, emails recorded but not sent.
      log.warn(
        `no local mailbox (${(error as Error).message}): set SMTP_URL, or MAILBOX_PORT to a free port`,
      );
    }
  }
  const smtpUrl = config.SMTP_URL ?? mailbox?.url;

  const root = repoRoot();
  const color = process.stdout.isTTY === true;
  const services = [
    { name: "marketplace", entry: "subgraphs/marketplace/dist/main.js", port: config.MARKETPLACE_PORT },
    { name: "location", entry: "subgraphs/location/dist/main.js", port: config.LOCATION_PORT },
    {
      name: "communication",
      entry: "subgraphs/communication/dist/main.js",
      port: config.COMMUNICATION_PORT,
    },
    { name: "router", entry: "router/dist/main.js", port: config.ROUTER_PORT },
  ];
  const width = Math.max(...services.map((s) => s.name.length), "simulator".length);
  const running: ServiceProcess[] = [];
  let stopping = false;

  const stopAll = async (code: number, fromTerminal = false) => {
    if (stopping) return;
    stopping = true;
    // Ctrl-C reaches every process in the terminal's group, so the services are already shutting
    // down; a signal from us now would count as their second and cut the shutdown short.
    if (fromTerminal) {
      await Promise.race([
        Promise.all(running.map((service) => service.exited)),
        new Promise((resolve) => setTimeout(resolve, 3_000)),
      ]);
    }
    await Promise.all([...running].reverse().map((service) => service.stop()));
    await mailbox?.close();
    process.exit(code);
  };
  process.once("SIGINT", () => void stopAll(0, true));
  process.once("SIGTERM", () => void stopAll(0));

  services.forEach(({ name, entry }, i) => {
    const label = name.padEnd(width);
    const prefix = color ? `\x1b[${COLORS[i % COLORS.length]}m${label} |\x1b[0m ` : `${label} | `;
    const service = spawnService({
      name,
      entry: join(root, entry),
      env: {
        ...process.env,
        LOG_FORMAT: config.LOG_FORMAT ?? "pretty",
        ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
        ...(color ? { FORCE_COLOR: "1" } : {}),
      },
      onLine: (line) => process.stdout.write(`${prefix}${line}\n`),
    });
    running.push(service);
    void service.exited.then((status) => {
      if (stopping) return;
      log.error(`${name} exited (${status}): stopping the others`);
      void stopAll(1);
    });
  });

  try {
    await Promise.all(
      running.map((service, i) =>
        service.waitUntilHealthy(`http://${config.HOST}:${services[i]?.port}/health/ready`),
      ),
    );
  } catch (error) {
    log.error(error instanceof Error ? error.message : String(error));
    await stopAll(1);
    return;
  }
  log.info(
    `Venta supergraph ready: http://${config.HOST}:${config.ROUTER_PORT}/graphql (Ctrl-C stops everything)`,
  );
  log.info(`Live map: http://${config.HOST}:${config.ROUTER_PORT}/map`);
  log.info(`Schema explorer: http://${config.HOST}:${config.ROUTER_PORT}/explorer`);
  if (mailbox) log.info(`Notification emails: ${mailbox.dir} (a local SMTP mailbox at ${mailbox.url})`);
  log.info(
    "Sign in as a demo account: npm run -s token -- --role customer|vendor|admin (a bearer token), or --role partner (an API key)",
  );
  if (config.SIMULATE) {
    const label = "simulator".padEnd(width);
    // Not watched like the others: the supergraph serves on if the simulation stops.
    running.push(
      spawnService({
        name: "simulator",
        entry: join(root, "demo/dist/simulate.js"),
        env: {
          ...process.env,
          ROUTER_PORT: String(config.ROUTER_PORT),
          SIMULATE_VENDORS: String(config.SIMULATE_VENDORS),
          SIMULATE_INTERVAL: process.env.SIMULATE_INTERVAL ?? "3s",
        },
        onLine: (line) =>
          process.stdout.write(`${color ? `\x1b[90m${label} |\x1b[0m ` : `${label} | `}${line}\n`),
      }),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

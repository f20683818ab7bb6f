import { parseArgs } from "node:util";
import { DevIssuer, Role } from "@venta/auth";
import { baseEnv, ConfigError, loadConfig } from "@venta/kit";
import { austinCity, seededRandom } from "./seed/austin.js";
import { DEMO_VENDOR_FLEET } from "./seed/demo-accounts.js";
import { driveVendor, parsePoint } from "./simulation/drive.js";
import { StreetWalker } from "./simulation/street-walker.js";

const USAGE = [
  "usage: npm run simulate -- [--vendors 200] [--interval 5s] [--url http://127.0.0.1:4000/graphql]",
  "       npm run simulate -- --drive <vendorId> --to <lat,lng> [--from <lat,lng>] [--speed 10] [--interval 1s]",
].join("\n");
const MUTATION = `mutation Simulate($inputs: [UpdateVendorLocationInput!]!) { updateVendorLocations(inputs: $inputs) { updatedAt } }`;
/** Reports go out in a batch every this many ms, like a fleet gateway's, not one request per vendor. */
const BATCH_EVERY_MS = 250;

function seconds(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!match) throw new ConfigError(`--interval must look like 5s, 500ms or 1m\n${USAGE}`);
  const value = Number(match[1]);
  return match[2] === "ms" ? value / 1000 : match[2] === "m" ? value * 60 : value;
}

/**
 * `npm run simulate`: moves demo vendors through the public API, like their phones would, and
 * prints what it sent. Runs until stopped.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      vendors: { type: "string", default: process.env.SIMULATE_VENDORS ?? "200" },
      interval: { type: "string", default: process.env.SIMULATE_INTERVAL ?? "5s" },
      url: {
        type: "string",
        default: process.env.VENTA_URL ?? `http://127.0.0.1:${process.env.ROUTER_PORT ?? 4000}/graphql`,
      },
      drive: { type: "string" },
      to: { type: "string" },
      from: { type: "string" },
      speed: { type: "string", default: "10" },
    },
  });
  const count = Number(values.vendors);
  if (!Number.isInteger(count) || count < 1)
    throw new ConfigError(`--vendors must be a positive integer\n${USAGE}`);
  const intervalSeconds = seconds(values.interval);
  // The fleet's owners are many accounts, so the simulator reports as an admin would: with
  // VENTA_TOKEN when given, else a token from the local development issuer.
  const token =
    process.env.VENTA_TOKEN ??
    (await (
      await DevIssuer.open(loadConfig(baseEnv).DATA_DIR)
    ).sign({ userId: "demo-simulator", roles: [Role.Admin] }));
  if (values.drive !== undefined) {
    if (values.to === undefined) throw new ConfigError(`--drive needs --to\n${USAGE}`);
    const metersPerSecond = Number(values.speed);
    if (!(metersPerSecond > 0)) throw new ConfigError(`--speed must be a positive number of m/s\n${USAGE}`);
    await driveVendor({
      url: values.url,
      token,
      vendorId: values.drive,
      to: parsePoint(values.to, "--to"),
      from: values.from === undefined ? undefined : parsePoint(values.from, "--from"),
      metersPerSecond,
      intervalSeconds: process.argv.includes("--interval") ? intervalSeconds : 1,
      print: (line) => process.stdout.write(`${line}\n`),
    });
    return;
  }
  const random = seededRandom(7);
  // The demo vendor account's own vendors stay where people put them by hand.
  const fleet = austinCity()
    .vendors.filter((vendor) => vendor.position)
    .slice(DEMO_VENDOR_FLEET, DEMO_VENDOR_FLEET + count)
    .map((vendor) => ({
      id: vendor.id,
      walker: new StreetWalker(vendor.position ?? { lat: 0, lng: 0 }, random),
    }));

  let sent = 0;
  let failed = 0;
  let lastError = "";
  const started = Date.now();
  const tty = process.stdout.isTTY === true;
  const status = () => {
    const rate = sent / Math.max(1, (Date.now() - started) / 1000);
    const line = `simulating ${fleet.length} vendors every ${values.interval}: ${sent} updates sent, ${failed} errors, ${rate.toFixed(1)}/s${lastError ? ` (last error: ${lastError})` : ""}`;
    process.stdout.write(tty ? `\r${line}` : `${line}\n`);
  };
  const statusTimer = setInterval(status, tty ? 1_000 : 10_000);

  type Report = {
    vendorId: string;
    lat: number;
    lng: number;
    heading: number | null;
    accuracyMeters: number;
  };
  const send = async (inputs: Report[]) => {
    try {
      const response = await fetch(values.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: MUTATION, variables: { inputs } }),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors[0]?.message);
      sent += inputs.length;
    } catch (error) {
      failed += inputs.length;
      lastError = error instanceof Error ? error.message : String(error);
    }
  };

  // Each vendor reports once per interval; the fleet is spread over the interval's batches so the
  // router sees a steady stream.
  const tick = async () => {
    // At most 500 reports per batch, the API's limit.
    const slots = Math.max(
      1,
      Math.round((intervalSeconds * 1000) / BATCH_EVERY_MS),
      Math.ceil(fleet.length / 500),
    );
    const batches: Report[][] = Array.from({ length: slots }, () => []);
    for (const [i, { id, walker }] of fleet.entries()) {
      const heading = walker.advance(intervalSeconds);
      batches[i % slots]?.push({ vendorId: id, ...walker.position, heading, accuracyMeters: 8 });
    }
    batches.forEach((batch, slot) => {
      if (batch.length > 0) setTimeout(() => void send(batch), slot * BATCH_EVERY_MS);
    });
  };
  await tick();
  const tickTimer = setInterval(() => void tick(), intervalSeconds * 1000);
  const stop = () => {
    clearInterval(tickTimer);
    clearInterval(statusTimer);
    status();
    if (tty) process.stdout.write("\n");
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

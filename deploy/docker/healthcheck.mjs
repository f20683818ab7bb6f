// The image's HEALTHCHECK: asks `/health/live` of whichever service this container runs. The image
// runs one service, picked by its command, so the command of process 1 says which (and so which port
// variable). Plain Node, because the slim runtime image has no curl. A command that serves nothing
// (the seed) has nothing to check and counts as healthy.
//   node deploy/docker/healthcheck.mjs [command…]   (default: process 1's command line)
import { readFileSync } from "node:fs";

const SERVICES = [
  { entry: "router/dist/main.js", portVariable: "ROUTER_PORT", defaultPort: 4000 },
  { entry: "subgraphs/marketplace/dist/main.js", portVariable: "MARKETPLACE_PORT", defaultPort: 4001 },
  { entry: "subgraphs/location/dist/main.js", portVariable: "LOCATION_PORT", defaultPort: 4002 },
  { entry: "subgraphs/communication/dist/main.js", portVariable: "COMMUNICATION_PORT", defaultPort: 4003 },
];

const command =
  process.argv.length > 2 ? process.argv.slice(2) : readFileSync("/proc/1/cmdline", "utf8").split("\0");
const service = SERVICES.find(({ entry }) => command.some((arg) => arg.endsWith(entry)));
if (!service) process.exit(0);

const port = process.env[service.portVariable] || service.defaultPort;
const response = await fetch(`http://127.0.0.1:${port}/health/live`, {
  signal: AbortSignal.timeout(2_500),
}).catch(() => undefined);
process.exit(response?.ok ? 0 : 1);

import { createServer } from "node:net";

/**
 * Ports are handed out below Linux's ephemeral range (32768 and up by default): a port the OS picks
 * for `listen(0)` comes from that range, and so does the local port of every outgoing connection,
 * so a port reported free there could be taken by some client's connection before the service
 * meant to listen on it binds it. Each test worker takes its own block, so two workers starting
 * stacks at once never pick the same port either.
 */
const FIRST_PORT = 20_000;
const BLOCK_SIZE = 500;
const BLOCKS = 25;

/** Where this process starts in its block: processes outside a test pool spread out by pid. */
let cursor = (process.pid * 7) % BLOCK_SIZE;

function blockStart(): number {
  const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 0);
  return FIRST_PORT + (Number.isFinite(worker) ? worker % BLOCKS : 0) * BLOCK_SIZE;
}

/** A port on 127.0.0.1 that nothing listens on right now, from this worker's block. */
export async function freePort(): Promise<number> {
  const start = blockStart();
  for (let tried = 0; tried < BLOCK_SIZE; tried += 1) {
    const port = start + (cursor % BLOCK_SIZE);
    cursor += 1;
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port between ${start} and ${start + BLOCK_SIZE - 1}`);
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

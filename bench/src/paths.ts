import { fileURLToPath } from "node:url";

/** The bench workspace, found from this file so the run works from any working directory. */
export const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

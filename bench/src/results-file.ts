import { mkdirSync, writeFileSync } from "node:fs";
import { arch, cpus, platform, release, totalmem } from "node:os";
import { join } from "node:path";
import { BENCH_DIR } from "./paths.js";

export function machineInfo() {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: platform(),
    arch: arch(),
    osRelease: release(),
    node: process.version,
  };
}

/**
 * Writes the invocation as `nearby-<its start time>.json` (again after each run, replacing the
 * last), and a finished invocation of every suite also as `latest.json` (which a run limited with
 * `--only` would otherwise leave holding only its part); returns the first path.
 */
export function writeResults(report: object, startedAt: Date, complete: boolean): string {
  const dir = join(BENCH_DIR, "results");
  mkdirSync(dir, { recursive: true });
  // ISO 8601 with ':' and '.' replaced, as some file systems refuse ':' in names.
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  const path = join(dir, `nearby-${stamp}.json`);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(path, text);
  if (complete) writeFileSync(join(dir, "latest.json"), text);
  return path;
}

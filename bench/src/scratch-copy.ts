import { constants, existsSync, readdirSync, rmSync } from "node:fs";
import { cp } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { DataSet } from "./data-set.js";

/** What a suite ran on: a throw-away copy of the generated set, which itself is never served. */
export interface ScratchCopy {
  /** The generated set the copy was made from. */
  source: string;
  dir: string;
  copySeconds: number;
}

const SCRATCH_INFIX = ".scratch-";
/** Copies still on disk, removed on Ctrl-C or SIGTERM too: the `finally` blocks never run then. */
const live = new Set<string>();
let copies = 0;
let signalsHandled = false;

/** `<set dir>.scratch-<pid>-<n>`: beside the set, so the copy stays on its file system (reflinks, no /tmp quota). */
export function scratchDirFor(dataSetDir: string, pid: number, n: number): string {
  return `${dataSetDir}${SCRATCH_INFIX}${pid}-${n}`;
}

/** The process id in a scratch directory's name, or undefined when the name is not one. */
export function scratchOwner(name: string): number | undefined {
  const match = /\.scratch-(\d+)-\d+$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Runs `use` over a fresh copy of the data set, and removes the copy afterwards whatever happens:
 * every run serves the same bytes, however many runs came before (position history and the event
 * store grow with each one, and the figures drifted with them).
 */
export async function withScratchCopy<T>(
  dataSet: DataSet,
  use: (dataSet: DataSet, copy: ScratchCopy) => Promise<T>,
): Promise<T> {
  handleSignals();
  removeAbandonedCopies(dataSet.dir);
  copies += 1;
  const dir = scratchDirFor(dataSet.dir, process.pid, copies);
  live.add(dir);
  try {
    const started = performance.now();
    // A reflink where the file system has them (instant, copy-on-write), a plain copy elsewhere.
    await cp(dataSet.dir, dir, { recursive: true, mode: constants.COPYFILE_FICLONE });
    const copy: ScratchCopy = { source: dataSet.dir, dir, copySeconds: (performance.now() - started) / 1000 };
    console.error(
      `${dataSet.vendors} vendors: running on a scratch copy, ${dir} (copied in ${copy.copySeconds.toFixed(1)} s)`,
    );
    return await use({ ...dataSet, dir }, copy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    live.delete(dir);
  }
}

/** Copies left by a bench process that no longer exists (killed with SIGKILL, machine restarted). */
function removeAbandonedCopies(dataSetDir: string): void {
  const parent = dirname(dataSetDir);
  const prefix = `${basename(dataSetDir)}${SCRATCH_INFIX}`;
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const owner = name.startsWith(prefix) ? scratchOwner(name) : undefined;
    if (owner !== undefined && owner !== process.pid && !isRunning(owner))
      rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function handleSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const dir of live) rmSync(dir, { recursive: true, force: true });
      // The services are children in the same process group: a terminal's Ctrl-C reaches them too.
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

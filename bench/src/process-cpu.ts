import { readFileSync } from "node:fs";

/** `/proc` counts CPU time in USER_HZ ticks, 100 a second on Linux whatever the kernel's own rate. */
const TICKS_PER_SECOND = 100;

/** CPU time so far, in ticks: each watched process's and the whole machine's busy time. */
export interface CpuReading {
  processes: Record<string, number>;
  /** Busy ticks of every core together (all but idle and iowait). */
  machine: number;
}

/** Busy ticks in a `/proc/<pid>/stat` line: utime + stime (fields 14 and 15; the name may hold spaces). */
export function processTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields counted from the state, which is field 3.
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Busy ticks in `/proc/stat`'s first line: user, nice, system, irq and softirq; not idle, iowait,
 * nor steal (time the hypervisor gave to another machine).
 */
export function machineTicks(stat: string): number {
  const [, ...columns] = (stat.split("\n")[0] ?? "").trim().split(/\s+/);
  return columns.slice(0, 7).reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + Number(value)), 0);
}

/**
 * Reads the CPU time of the named processes and of the machine; undefined where `/proc` is not
 * there (not Linux) or a process has gone: the figures then carry no CPU shares.
 */
export function readCpu(pids: Readonly<Record<string, number>>): CpuReading | undefined {
  try {
    const processes: Record<string, number> = {};
    for (const [name, pid] of Object.entries(pids))
      processes[name] = processTicks(readFileSync(`/proc/${pid}/stat`, "utf8"));
    return { processes, machine: machineTicks(readFileSync("/proc/stat", "utf8")) };
  } catch {
    return undefined;
  }
}

/** Percent of one core each process used between two readings, and the machine's (up to 100 × cores). */
export function cpuShares(before: CpuReading, after: CpuReading, seconds: number): Record<string, number> {
  const percent = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100);
  const shares: Record<string, number> = {};
  for (const [name, ticks] of Object.entries(after.processes))
    shares[name] = percent(ticks - (before.processes[name] ?? ticks));
  shares.machine = percent(after.machine - before.machine);
  return shares;
}

/**
 * Microseconds of CPU each process spent per request between two readings. A rate on a shared
 * machine swings with its neighbours; the CPU a request costs is what a code change moves.
 */
export function cpuMicrosPerRequest(
  before: CpuReading,
  after: CpuReading,
  requests: number,
): Record<string, number> {
  const perRequest: Record<string, number> = {};
  if (requests === 0) return perRequest;
  for (const [name, ticks] of Object.entries(after.processes))
    perRequest[name] = Math.round(
      ((ticks - (before.processes[name] ?? ticks)) * 1e6) / TICKS_PER_SECOND / requests,
    );
  return perRequest;
}

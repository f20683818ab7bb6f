import type { FencedResults } from "./fenced-figure.js";
import type { Figure } from "./figure.js";
import type { GeofenceSuiteResults } from "./geofence-throughput.js";
import type { LiveResults } from "./live-suite.js";
import type { RouterOverhead } from "./ratios.js";
import type { ScratchCopy } from "./scratch-copy.js";
import type { ThroughputResults } from "./throughput-figure.js";

/** Everything one run of the selected suites measured. */
export interface RunResults {
  /** 1-based, in the order the runs were made. */
  run: number;
  startedAt: string;
  finishedAt: string;
  /** The copies the suites ran on (the generated sets themselves are never served). */
  scratchCopies: (ScratchCopy & { suite: string })[];
  /** Proximity. */
  figures: Figure[];
  routerOverDirect: RouterOverhead[];
  live?: LiveResults;
  geofences?: GeofenceSuiteResults;
  fenced?: FencedResults;
  throughput?: ThroughputResults;
}

import type { BackgroundWork } from "./background-work.js";
import type { EventLog } from "./events/event-log.js";
import type { SandboxState } from "./state.js";

/** What every resource's routes share: the data, the event log, and background work. */
export interface SandboxContext {
  state: SandboxState;
  events: EventLog;
  work: BackgroundWork;
  /** The sandbox's own address (`http://127.0.0.1:12111`), for the links it hands out. */
  baseUrl(): string;
  /** How long after a `pm_card_createDispute` charge its dispute opens. */
  disputeDelayMs: number;
}

import type { LiveUpdate } from "./live-update.js";

/**
 * How location's updates reach routers. Publishers send each update on its channels; a listener
 * hears only the channels it asked for, so no process sees every update of the city.
 */
export interface LiveFeed {
  publish(updates: readonly LiveUpdate[]): Promise<void>;
  listen(channel: string): Promise<void>;
  unlisten(channel: string): Promise<void>;
  /** Called for each update heard on a listened channel; possibly more than once (the hub de-duplicates). */
  onUpdate(handler: (update: LiveUpdate) => void): void;
  close(): Promise<void>;
}

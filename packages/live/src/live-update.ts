import type { GeoPoint } from "@venta/geo";
import { channelsAt, vendorChannel } from "./channels.js";

/** A vendor's position as live subscribers see it. */
export interface LivePosition {
  lat: number;
  lng: number;
  accuracyMeters: number | null;
  heading: number | null;
  /** ISO 8601: when the device recorded it. */
  recordedAt: string;
}

/** What location publishes: a vendor moved, or stopped broadcasting (went past the live window). */
export interface LiveUpdate {
  /** Unique per update: the same update arriving on two channels is delivered once. */
  id: string;
  type: "moved" | "offline";
  vendorId: string;
  position: LivePosition;
  /** Where the vendor was before this update, so subscribers can tell it entered or left. */
  previous: GeoPoint | null;
  /**
   * When location accepted the position (epoch ms), for the router's accept-to-socket latency;
   * absent from updates published by an older location.
   */
  acceptedAt?: number;
}

/** The channels an update goes out on: its cells, its previous cells (so leavers are seen), its vendor. */
export function channelsOf(update: LiveUpdate): string[] {
  const channels = new Set(channelsAt(update.position));
  if (update.previous) for (const channel of channelsAt(update.previous)) channels.add(channel);
  channels.add(vendorChannel(update.vendorId));
  return [...channels];
}

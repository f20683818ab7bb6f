import { progressBar } from "@venta/kit";
import { type GeofenceRecord, type LocationStores, MAX_GEOFENCES, type trackingClock } from "@venta/location";

export interface FencePlacement {
  /** Seconds spent creating the fences through the store (each placed through the positions index). */
  seconds: number;
  /** Vendors inside fences right after they were created. */
  initialCrossings: number;
}

/**
 * Creates each fence through the geofences store, as `createGeofence` does, one at a time: each is
 * placed in the fences' spatial index, and live vendors already inside it enter it (announced in
 * the outbox like any other crossing). A refused fence stops the figure: it would not be the mix.
 */
export async function placeFences(
  stores: LocationStores,
  fences: readonly GeofenceRecord[],
  clock: ReturnType<typeof trackingClock>,
): Promise<FencePlacement> {
  const placing = progressBar(`${fences.length} fences`, fences.length);
  const started = performance.now();
  let initialCrossings = 0;
  let made = 0;
  for (const fence of fences) {
    const written = await stores.geofences.create(fence, MAX_GEOFENCES[fence.kind], clock);
    if (!written) throw new Error(`bench fence ${fence.id} was refused`);
    initialCrossings += written.transitions.length;
    if (++made % 1_000 === 0) placing.update(made);
  }
  placing.done();
  return { seconds: (performance.now() - started) / 1000, initialCrossings };
}

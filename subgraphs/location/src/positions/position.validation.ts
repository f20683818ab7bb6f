import { badUserInput } from "@venta/kit";

/** Devices' clocks drift; a report from further in the future than this is refused. */
export const MAX_CLOCK_SKEW_MS = 60_000;

export function validAccuracy(accuracyMeters: number | null | undefined): number | null {
  if (accuracyMeters === null || accuracyMeters === undefined) return null;
  if (!Number.isFinite(accuracyMeters) || accuracyMeters < 0 || accuracyMeters > 10_000) {
    throw badUserInput("accuracyMeters must be between 0 and 10000", "accuracyMeters");
  }
  return accuracyMeters;
}

export function validHeading(heading: number | null | undefined): number | null {
  if (heading === null || heading === undefined) return null;
  if (!Number.isFinite(heading) || heading < 0 || heading >= 360) {
    throw badUserInput("heading must be at least 0 and below 360", "heading");
  }
  return heading;
}

export function validRecordedAt(recordedAt: Date | null | undefined, now: Date): Date {
  if (recordedAt === null || recordedAt === undefined) return now;
  if (recordedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw badUserInput("recordedAt is more than a minute in the future", "recordedAt");
  }
  return recordedAt;
}

/** A vendor lists at most 10 cuisines: a filter naming more than this is a scan, not a search. */
export const MAX_FILTER_CUISINES = 20;

/** The cuisines a proximity search filters on, lower-cased as vendors' are stored. */
export function validCuisineFilter(cuisines: readonly string[] | null | undefined): string[] | undefined {
  if (cuisines === null || cuisines === undefined) return undefined;
  if (cuisines.length > MAX_FILTER_CUISINES) {
    throw badUserInput(`filter.cuisines names at most ${MAX_FILTER_CUISINES} cuisines`, "filter.cuisines");
  }
  return cuisines.map((cuisine) => cuisine.trim().toLowerCase());
}

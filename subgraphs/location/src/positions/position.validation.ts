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

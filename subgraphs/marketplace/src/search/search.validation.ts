import { badUserInput } from "@venta/kit";

export const DEFAULT_SEARCH_RADIUS_METERS = 5_000;
/** Ranked pages are smaller than plain lists: each one ranks every candidate first. */
export const MAX_SEARCH_PAGE = 50;

/** Lower-cased, trimmed, de-duplicated and sorted: the same filter however it is written. */
export function validCuisines(cuisines: readonly string[] | null | undefined): string[] | undefined {
  if (!cuisines || cuisines.length === 0) return undefined;
  if (cuisines.length > 20) throw badUserInput("give at most 20 cuisines", "filter.cuisines");
  return [...new Set(cuisines.map((c) => c.trim().toLowerCase().replace(/\s+/g, " ")))].sort();
}

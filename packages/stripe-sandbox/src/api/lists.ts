import { invalidRequest, noSuchObject } from "../http/api-error.js";
import { integer, list, text } from "./params.js";

/** Stripe's cursor parameters, which every list endpoint takes. */
export const PAGINATION_PARAMS = {
  limit: integer({ min: 1, max: 100 }),
  starting_after: text(),
  ending_before: text(),
  expand: list(text()),
};

export interface Pagination {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

/** Stripe's list envelope. */
export interface ApiList<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * One page of `items` (newest first): `starting_after` pages towards older objects, `ending_before`
 * towards newer ones, 10 by default, as Stripe pages. A cursor that is not in the (filtered) list
 * is refused rather than ignored, so a client never silently restarts from the first page.
 */
export function pageOf<T extends { id: string }>(
  items: T[],
  pagination: Pagination,
  url: string,
  kind: string,
): ApiList<T> {
  const limit = pagination.limit ?? 10;
  if (pagination.starting_after !== undefined && pagination.ending_before !== undefined)
    throw invalidRequest("You may only specify one of these parameters: starting_after, ending_before.", {
      code: "parameters_exclusive",
      param: "ending_before",
    });
  const indexOf = (id: string, param: string) => {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw noSuchObject(kind, id, param);
    return index;
  };
  if (pagination.ending_before !== undefined) {
    const end = indexOf(pagination.ending_before, "ending_before");
    const start = Math.max(0, end - limit);
    return { object: "list", data: items.slice(start, end), has_more: start > 0, url };
  }
  const start =
    pagination.starting_after === undefined ? 0 : indexOf(pagination.starting_after, "starting_after") + 1;
  return {
    object: "list",
    data: items.slice(start, start + limit),
    has_more: start + limit < items.length,
    url,
  };
}

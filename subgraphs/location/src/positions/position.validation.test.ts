import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_FILTER_CUISINES, validCuisineFilter } from "./position.validation.js";

describe("a proximity search's cuisine filter", () => {
  it("refuses more than the documented number of cuisines with BAD_USER_INPUT", () => {
    const many = Array.from({ length: MAX_FILTER_CUISINES + 1 }, (_, i) => `cuisine-${i}`);
    let refusal: unknown;
    try {
      validCuisineFilter(many);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(GraphQLError);
    expect((refusal as GraphQLError).extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "filter.cuisines",
    });
  });

  it("takes up to the limit, trimmed and lower-cased as vendors' cuisines are stored", () => {
    expect(validCuisineFilter([" Tacos", "BBQ "])).toEqual(["tacos", "bbq"]);
    expect(validCuisineFilter(Array.from({ length: MAX_FILTER_CUISINES }, () => "x"))).toHaveLength(20);
    expect(validCuisineFilter(null)).toBeUndefined();
  });
});

import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { outcomeOf } from "./graphql-metrics.js";

const coded = (code?: string) => new GraphQLError("x", code ? { extensions: { code } } : {});

describe("request outcomes", () => {
  it("is ok without errors", () => {
    expect(outcomeOf(undefined)).toBe("ok");
    expect(outcomeOf([])).toBe("ok");
  });

  it("is refused when every error is the caller's doing", () => {
    expect(outcomeOf([coded("BAD_USER_INPUT"), coded("FORBIDDEN")])).toBe("refused");
    expect(outcomeOf([coded("GRAPHQL_VALIDATION_FAILED")])).toBe("refused");
    expect(outcomeOf([coded("RATE_LIMITED")])).toBe("refused");
  });

  it("is an error when any error is ours: a fault, an outage, or an uncoded error", () => {
    expect(outcomeOf([coded("NOT_FOUND"), coded("INTERNAL_SERVER_ERROR")])).toBe("error");
    expect(outcomeOf([coded("SERVICE_UNAVAILABLE")])).toBe("error");
    expect(outcomeOf([coded()])).toBe("error");
    expect(outcomeOf([coded("SOMETHING_UNHEARD_OF")])).toBe("error");
  });
});

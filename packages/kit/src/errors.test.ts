import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { badUserInput, createErrorFormatter, notFound } from "./errors.js";
import { testLog } from "./test-log.harness.js";

describe("createErrorFormatter", () => {
  const format = createErrorFormatter(testLog);

  it("keeps a client error's message and code but never its stack trace", () => {
    const error = badUserInput("radiusMeters must be positive", "radiusMeters");
    const formatted = format(
      { message: error.message, extensions: { ...error.extensions, stacktrace: ["at x.js:1"] } },
      error,
    );
    expect(formatted).toEqual({
      message: "radiusMeters must be positive",
      extensions: { code: "BAD_USER_INPUT", field: "radiusMeters" },
    });
    expect(format({ message: "gone", extensions: { code: "NOT_FOUND" } }, notFound("gone")).message).toBe(
      "gone",
    );
  });

  it("hides an unexpected fault behind a generic message", () => {
    const fault = new GraphQLError("SQLITE_CORRUPT: database disk image is malformed", {
      originalError: new Error("SQLITE_CORRUPT"),
    });
    const formatted = format(
      { message: fault.message, path: ["nearbyVendors"], extensions: { stacktrace: ["at db.js:9"] } },
      fault,
    );
    expect(formatted).toEqual({
      message: "Internal server error",
      path: ["nearbyVendors"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});

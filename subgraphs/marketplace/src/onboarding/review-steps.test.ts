import { describe, expect, it } from "vitest";
import type { VendorVerification } from "../vendors/vendor.record.js";
import { nextVerification, type ReviewStep, validReason } from "./review-steps.js";

const code = (run: () => unknown) => {
  try {
    return run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe("the onboarding state machine", () => {
  it.each<[VendorVerification, ReviewStep, string]>([
    ["DRAFT", "submit", "SUBMITTED"],
    ["REJECTED", "submit", "SUBMITTED"],
    ["SUBMITTED", "verify", "VERIFIED"],
    ["SUBMITTED", "reject", "REJECTED"],
    ["SUBMITTED", "submit", "CONFLICT"],
    ["VERIFIED", "submit", "CONFLICT"],
    ["DRAFT", "verify", "CONFLICT"],
    ["DRAFT", "reject", "CONFLICT"],
    ["REJECTED", "verify", "CONFLICT"],
    ["VERIFIED", "verify", "CONFLICT"],
    ["VERIFIED", "reject", "CONFLICT"],
    ["REJECTED", "reject", "CONFLICT"],
  ])("%s, %s: %s", (from, step, expected) => {
    expect(code(() => nextVerification(from, step, "v-1"))).toBe(expected);
  });

  it("says what state the vendor is in and what the step needs", () => {
    expect(() => nextVerification("DRAFT", "verify", "v-1")).toThrow(
      "vendor v-1 is DRAFT: only a SUBMITTED vendor can be verified",
    );
  });

  it("wants a rejection reason of 1 to 500 characters, tidied", () => {
    expect(validReason("  Permit   photo is blurry ")).toBe("Permit photo is blurry");
    expect(code(() => validReason("   "))).toBe("BAD_USER_INPUT");
    expect(code(() => validReason("x".repeat(501)))).toBe("BAD_USER_INPUT");
    expect(validReason("x".repeat(500))).toHaveLength(500);
  });
});

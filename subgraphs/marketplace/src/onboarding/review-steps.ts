import { badUserInput, conflict } from "@venta/kit";
import type { VendorVerification } from "../vendors/vendor.record.js";

/** What can happen to a vendor in review: its owner submits it, an admin verifies or rejects it. */
export type ReviewStep = "submit" | "verify" | "reject";

/** The states each step may start from, and the state it leads to. */
const STEPS: Record<ReviewStep, { from: readonly VendorVerification[]; to: VendorVerification }> = {
  // A rejected vendor is fixed by its owner and submitted again; nothing else goes back.
  submit: { from: ["DRAFT", "REJECTED"], to: "SUBMITTED" },
  verify: { from: ["SUBMITTED"], to: "VERIFIED" },
  reject: { from: ["SUBMITTED"], to: "REJECTED" },
};

const VERB: Record<ReviewStep, string> = { submit: "submitted", verify: "verified", reject: "rejected" };

export const MAX_REASON_LENGTH = 500;

/**
 * The state a vendor in `current` moves to by `step`.
 * @throws CONFLICT when the step does not apply (verifying a DRAFT, submitting a VERIFIED vendor).
 */
export function nextVerification(current: VendorVerification, step: ReviewStep, vendorId: string) {
  const { from, to } = STEPS[step];
  if (!from.includes(current)) {
    throw conflict(
      `vendor ${vendorId} is ${current}: only a ${from.join(" or ")} vendor can be ${VERB[step]}`,
    );
  }
  return to;
}

/** A rejection's reason, trimmed: the owner reads it to know what to fix, so it cannot be empty. */
export function validReason(reason: string): string {
  const trimmed = reason.trim().replace(/\s+/g, " ");
  if (trimmed.length < 1 || trimmed.length > MAX_REASON_LENGTH)
    throw badUserInput(`reason must be 1 to ${MAX_REASON_LENGTH} characters`, "reason");
  return trimmed;
}

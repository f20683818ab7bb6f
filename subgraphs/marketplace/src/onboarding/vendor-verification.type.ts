import { registerEnumType } from "type-graphql";
import type { VendorVerification } from "../vendors/vendor.record.js";

/** The GraphQL enum's values: the onboarding states as stored. */
export const VendorVerificationEnum = {
  DRAFT: "DRAFT",
  SUBMITTED: "SUBMITTED",
  VERIFIED: "VERIFIED",
  REJECTED: "REJECTED",
} as const satisfies { [K in VendorVerification]: K };

registerEnumType(VendorVerificationEnum, {
  name: "VendorVerification",
  description:
    "Where a vendor is in onboarding. Only VERIFIED vendors are shown to customers; the others only to their owner and admins.",
  valuesConfig: {
    DRAFT: { description: "Being set up by its owner; not yet submitted for review." },
    SUBMITTED: { description: "Waiting in the admins' review queue." },
    VERIFIED: { description: "Checked by an admin: listed for customers." },
    REJECTED: {
      description: "Turned down by an admin, with a reason; the owner may edit it and submit it again.",
    },
  },
});

import type { MongoMigration } from "@venta/store";

/**
 * Vendors stored before onboarding existed were all public: they are marked VERIFIED, once (the
 * filter matches nothing after). Until it runs, such documents read as VERIFIED anyway.
 */
export const vendorsVerifiedBackfill: MongoMigration = {
  version: 1,
  name: "vendors from before onboarding are verified",
  up: async (connection) => {
    await connection
      .collection("vendors")
      .updateMany(
        { verification: { $exists: false } },
        { $set: { verification: "VERIFIED", rejectionReason: null, submittedAt: null } },
      );
  },
};

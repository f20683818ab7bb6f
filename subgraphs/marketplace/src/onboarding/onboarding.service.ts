import { newEvent } from "@venta/events";
import { conflict, notFound } from "@venta/kit";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { snapshotOf } from "../vendors/vendors.service.js";
import type { VendorChanges, VendorsStore } from "../vendors/vendors.store.js";
import { nextVerification, type ReviewStep, validReason } from "./review-steps.js";

const EVENT = {
  submit: "marketplace.vendor_submitted",
  verify: "marketplace.vendor_verified",
  reject: "marketplace.vendor_rejected",
} as const satisfies Record<ReviewStep, string>;

/**
 * Vendor onboarding: the owner submits a vendor for review, an admin verifies or rejects it. Every
 * step is a conditional write on the vendor's version, so two admins deciding at once cannot both
 * win; each step announces the new vendor snapshot (other subgraphs list VERIFIED vendors only)
 * and the step itself.
 */
export class OnboardingService {
  constructor(
    private readonly vendors: VendorsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  submit(vendorId: string, actorId: string): Promise<VendorRecord> {
    return this.take(vendorId, "submit", actorId);
  }

  verify(vendorId: string, actorId: string): Promise<VendorRecord> {
    return this.take(vendorId, "verify", actorId);
  }

  reject(vendorId: string, actorId: string, reason: string): Promise<VendorRecord> {
    return this.take(vendorId, "reject", actorId, validReason(reason));
  }

  private async take(
    vendorId: string,
    step: ReviewStep,
    actorId: string,
    reason?: string,
  ): Promise<VendorRecord> {
    // Optimistic concurrency, as in VendorsService.update: re-read and re-check on a concurrent change.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await this.vendors.findById(vendorId);
      if (!current) throw notFound(`no vendor with id ${vendorId}`);
      const at = this.now();
      const changes: VendorChanges = { verification: nextVerification(current.verification, step, vendorId) };
      // A new submission clears the last rejection; a rejection keeps its reason for the owner.
      if (step === "submit") Object.assign(changes, { submittedAt: at, rejectionReason: null });
      if (step === "reject") changes.rejectionReason = reason ?? null;
      const updated = await this.vendors.update(vendorId, current.version, changes, at, (record) =>
        record
          ? [
              newEvent("marketplace.vendor_updated", snapshotOf(record)),
              newEvent(EVENT[step], {
                vendorId,
                actorId,
                at: at.toISOString(),
                ...(reason === undefined ? {} : { reason }),
              }),
            ]
          : [],
      );
      if (updated) return updated;
    }
    throw conflict(`vendor ${vendorId} is being changed concurrently; retry`);
  }
}

import { forbidden, isAdmin, type Viewer } from "@venta/auth";
import type { VendorFilter, VendorRecord } from "./vendor.record.js";

/**
 * Who a new vendor belongs to: its creator, unless an admin creates it for someone else. A vendor
 * account naming another owner is refused rather than silently corrected.
 */
export function ownerOfNewVendor(viewer: Viewer, requestedOwnerId: string | null | undefined): string {
  const self = viewer.userId as string;
  if (!requestedOwnerId || requestedOwnerId === self) return self;
  if (isAdmin(viewer)) return requestedOwnerId;
  throw forbidden("a vendor account can only create vendors it owns");
}

/** A vendor is managed by its owner and by admins. */
export function assertCanManage(viewer: Viewer, vendor: Pick<VendorRecord, "id" | "ownerId">): void {
  if (isAdmin(viewer) || (viewer.userId !== null && viewer.userId === vendor.ownerId)) return;
  throw forbidden(`vendor ${vendor.id} belongs to another account`);
}

/**
 * Whether the viewer may see the vendor at all: everyone sees VERIFIED vendors; an unverified one
 * (still in onboarding, or rejected) only its owner and admins. Hidden vendors read as absent.
 */
export function canSee(viewer: Viewer, vendor: Pick<VendorRecord, "ownerId" | "verification">): boolean {
  return (
    vendor.verification === "VERIFIED" ||
    isAdmin(viewer) ||
    (viewer.userId !== null && viewer.userId === vendor.ownerId)
  );
}

/** `canSee` as a list filter: admins see every vendor, anyone else VERIFIED ones and their own. */
export function visibleTo(viewer: Viewer): VendorFilter["visibleTo"] {
  return isAdmin(viewer) ? undefined : { userId: viewer.userId };
}

/** The vendor if the viewer may see it, else null (as if there were none). */
export const seen = (viewer: Viewer, vendor: VendorRecord | null): VendorRecord | null =>
  vendor && canSee(viewer, vendor) ? vendor : null;

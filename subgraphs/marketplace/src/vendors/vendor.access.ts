import { forbidden, isAdmin, type Viewer } from "@venta/auth";
import type { VendorRecord } from "./vendor.record.js";

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

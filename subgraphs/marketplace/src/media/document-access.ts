import { isAdmin, type Viewer } from "@venta/auth";

/**
 * Who may see a vendor's business documents and get links to them: admins, and the person who
 * owns the vendor. `ownerId` is null when the vendor is gone: then admins only.
 */
export const mayReadDocuments = (viewer: Viewer, ownerId: string | null): boolean =>
  isAdmin(viewer) || (viewer.userId !== null && viewer.userId === ownerId);

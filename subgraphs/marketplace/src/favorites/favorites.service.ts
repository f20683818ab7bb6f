import { forbidden, type Viewer } from "@venta/auth";
import { newEvent } from "@venta/events";
import { notFound } from "@venta/kit";
import { assertLiveAccount } from "../users/account-status.js";
import type { UsersStore } from "../users/users.store.js";
import { seen } from "../vendors/vendor.access.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import type { VendorsStore } from "../vendors/vendors.store.js";
import type { FavoritesStore } from "./favorites.store.js";

/** Favorites: idempotent adds and removes, announced only when they changed something. */
export class FavoritesService {
  constructor(
    private readonly favorites: FavoritesStore,
    private readonly vendors: VendorsStore,
    private readonly users: UsersStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds the vendor to the person's favorites; already there, nothing changes. Returns the vendor. */
  async add(viewer: Viewer, vendorId: string): Promise<VendorRecord> {
    await assertLiveAccount(this.users, viewer.userId);
    const { userId, vendor } = await this.target(viewer, vendorId);
    const at = this.now();
    await this.favorites.add({ userId, vendorId, createdAt: at }, (added) =>
      added ? [newEvent("marketplace.favorite_added", { userId, vendorId, at: at.toISOString() })] : [],
    );
    return vendor;
  }

  /** Takes the vendor off the person's favorites; not there, nothing changes. Returns the vendor. */
  async remove(viewer: Viewer, vendorId: string): Promise<VendorRecord> {
    await assertLiveAccount(this.users, viewer.userId);
    const { userId, vendor } = await this.target(viewer, vendorId);
    const at = this.now();
    await this.favorites.remove(userId, vendorId, (removed) =>
      removed ? [newEvent("marketplace.favorite_removed", { userId, vendorId, at: at.toISOString() })] : [],
    );
    return vendor;
  }

  /** The caller and the vendor; a vendor the caller may not see (not verified yet) is as good as unknown. */
  private async target(viewer: Viewer, vendorId: string): Promise<{ userId: string; vendor: VendorRecord }> {
    if (viewer.userId === null) throw forbidden("only a signed-in person has favorites");
    const vendor = seen(viewer, await this.vendors.findById(vendorId));
    if (!vendor) throw notFound(`no vendor with id ${vendorId}`);
    return { userId: viewer.userId, vendor };
  }
}

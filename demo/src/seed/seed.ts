import { openEventBus } from "@venta/events";
import { type Logger, progressBar } from "@venta/kit";
import { openLocationStores } from "@venta/location";
import { openMarketplaceStores, PartnerKeysService, UsersService, VendorsService } from "@venta/marketplace";
import { publishAnnounced } from "./announced.js";
import { austinCity } from "./austin.js";
import { DEMO_ACCOUNTS, DEMO_VENDOR_FLEET, saveDemoPartnerKey } from "./demo-accounts.js";
import { seedFavorites } from "./favorites.js";
import { seedLoyalty } from "./loyalty.js";
import { seedMenus } from "./menus.js";
import { seedOnboarding } from "./onboarding.js";
import { seedRecentActivity } from "./recent-activity.js";
import { seedReviews } from "./reviews.js";
import { seedSchedules } from "./schedules.js";
import { announceSeededPositions } from "./search.js";

export interface SeedConfig {
  DATA_DIR: string;
  MONGODB_URI?: string | undefined;
  REDIS_URL?: string | undefined;
}

const EPOCH = Date.UTC(2025, 0, 1);

/**
 * Writes the Austin demo through the same services the API uses, so every vendor is validated and
 * announced on the event bus like any other; positions go straight into location's store.
 * Does nothing when vendors already exist.
 */
export async function seedAustin(config: SeedConfig, log: Logger, vendorCount = 600): Promise<boolean> {
  const marketplace = await openMarketplaceStores(config);
  const location = await openLocationStores(config);
  const bus = openEventBus(config, log);
  try {
    if ((await marketplace.vendors.count({})) > 0) return false;
    const city = austinCity(vendorCount);
    const users = new UsersService(marketplace.users);
    const vendors = new VendorsService(marketplace.vendors, marketplace.users);
    const accounts = Object.values(DEMO_ACCOUNTS);
    const progress = progressBar(
      "Seeding Austin: accounts, owners and vendors",
      accounts.length + city.owners.length + city.vendors.length,
    );
    let done = 0;
    for (const owner of [...accounts, ...city.owners]) {
      await users.register(owner.displayName, { id: owner.id, now: new Date(EPOCH) });
      progress.update(++done);
    }
    const now = Date.now();
    const demoFleet = new Set(
      city.vendors
        .filter((vendor) => vendor.position)
        .slice(0, DEMO_VENDOR_FLEET)
        .map((vendor) => vendor.id),
    );
    for (const vendor of city.vendors) {
      const created = new Date(EPOCH + vendor.createdOffsetSeconds * 1000);
      await vendors.create(
        {
          name: vendor.name,
          description: vendor.description,
          cuisines: vendor.cuisines,
          ownerId: demoFleet.has(vendor.id) ? DEMO_ACCOUNTS.vendor.id : vendor.ownerId,
          status: vendor.status,
        },
        // The demo's vendors are vetted: straight to VERIFIED, so customers see them.
        { id: vendor.id, now: created, verified: true },
      );
      if (vendor.position) {
        await location.positions.record({
          vendorId: vendor.id,
          ...vendor.position,
          accuracyMeters: 8,
          heading: null,
          recordedAt: new Date(now - vendor.secondsAgo * 1000),
        });
      }
      progress.update(++done);
    }
    progress.done();
    await publishAnnounced(marketplace, bus);
    await announceSeededPositions({ bus, positions: location.positions }, city);
    await seedReviews(marketplace, bus, city);
    await seedFavorites(marketplace, bus, city);
    await seedRecentActivity(marketplace, bus, city);
    await seedMenus(marketplace, bus, city);
    await seedSchedules(marketplace, bus, city);
    await seedLoyalty(marketplace, bus, city);
    await seedOnboarding(marketplace, bus, city);
    // A partner key for trying the partner side; like every key it is stored hashed, so the demo
    // keeps its one copy where `npm run token -- --role partner` finds it.
    const partner = await new PartnerKeysService(marketplace.partnerKeys).create(
      "Demo partner",
      ["READ", "SUBSCRIBE", "INTROSPECT"],
      DEMO_ACCOUNTS.admin.id,
    );
    saveDemoPartnerKey(config.DATA_DIR, partner.key);
    return true;
  } finally {
    await bus.close();
    await Promise.all([marketplace.close(), location.close()]);
  }
}

import type { Announce } from "@venta/events";
import type { ReviewQueueKey, VendorFilter, VendorListKey, VendorRecord } from "./vendor.record.js";

export class DuplicateSlugError extends Error {
  constructor(readonly slug: string) {
    super(`slug "${slug}" is taken`);
  }
}

export interface VendorPage {
  records: VendorRecord[];
  hasNextPage: boolean;
}

export interface ReviewQueuePage extends VendorPage {
  /** How many vendors wait for review in all. */
  totalCount: number;
}

export type VendorChanges = Partial<
  Pick<
    VendorRecord,
    | "name"
    | "slug"
    | "description"
    | "cuisines"
    | "status"
    | "verification"
    | "rejectionReason"
    | "submittedAt"
  >
>;

/** Where vendors live. Each adapter must pass `vendors.store.contract.ts`. */
export interface VendorsStore {
  /**
   * Inserts the vendor, with what `announce` makes in the outbox, in one atomic write.
   * @throws DuplicateSlugError when another vendor has the slug.
   */
  insert(vendor: VendorRecord, announce?: Announce<void>): Promise<void>;
  /**
   * Applies `changes` if the stored version is still `expectedVersion`; returns the new record, or
   * null when the vendor is gone or changed in between. What `announce` makes of that outcome goes
   * to the outbox in the same write.
   * @throws DuplicateSlugError when another vendor has the new slug.
   */
  update(
    id: string,
    expectedVersion: number,
    changes: VendorChanges,
    updatedAt: Date,
    announce?: Announce<VendorRecord | null>,
  ): Promise<VendorRecord | null>;
  findById(id: string): Promise<VendorRecord | null>;
  findBySlug(slug: string): Promise<VendorRecord | null>;
  /** One round trip, whatever the number of ids; unknown ids are simply absent. */
  findByIds(ids: readonly string[]): Promise<VendorRecord[]>;
  /** Vendors in (createdAt, id) order, after `after` when given. */
  list(filter: VendorFilter, first: number, after?: VendorListKey): Promise<VendorPage>;
  count(filter: VendorFilter): Promise<number>;
  /** SUBMITTED vendors, oldest submission first ((submittedAt, id) order), after `after` when given. */
  reviewQueue(first: number, after?: ReviewQueueKey): Promise<ReviewQueuePage>;
}

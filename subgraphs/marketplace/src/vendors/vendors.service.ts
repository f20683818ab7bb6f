import { randomUUID } from "node:crypto";
import { newEvent, type VendorSnapshot } from "@venta/events";
import { badUserInput, conflict, notFound } from "@venta/kit";
import type { UsersStore } from "../users/users.store.js";
import type { VendorRecord, VendorStatus } from "./vendor.record.js";
import { slugFromName, validCuisines, validDescription, validName, validSlug } from "./vendor.validation.js";
import { DuplicateSlugError, type VendorChanges, type VendorsStore } from "./vendors.store.js";

export interface NewVendor {
  name: string;
  slug?: string | null | undefined;
  description?: string | null | undefined;
  cuisines: readonly string[];
  ownerId: string;
  status?: VendorStatus | null | undefined;
}

export interface VendorUpdate {
  name?: string | null | undefined;
  slug?: string | null | undefined;
  description?: string | null | undefined;
  cuisines?: readonly string[] | null | undefined;
  status?: VendorStatus | null | undefined;
}

/** Options the seed uses to write a reproducible data set; the API never sets them. */
export interface CreateOptions {
  id?: string;
  now?: Date;
  /**
   * Create the vendor straight in VERIFIED, skipping review: for the seed's vetted demo vendors.
   * Every other vendor starts as DRAFT and is shown to customers only once an admin verifies it.
   */
  verified?: boolean;
}

const MAX_SLUG_SUFFIX = 20;

export const snapshotOf = (vendor: VendorRecord): VendorSnapshot => ({
  vendorId: vendor.id,
  name: vendor.name,
  cuisines: vendor.cuisines,
  status: vendor.status,
  ownerId: vendor.ownerId,
  version: vendor.version,
  updatedAt: vendor.updatedAt.toISOString(),
  description: vendor.description,
  verification: vendor.verification,
});

/** Vendor rules: validation, unique slugs, optimistic updates, and the events other subgraphs follow. */
export class VendorsService {
  constructor(
    private readonly vendors: VendorsStore,
    private readonly users: UsersStore,
  ) {}

  async create(input: NewVendor, options: CreateOptions = {}): Promise<VendorRecord> {
    const name = validName(input.name);
    const explicitSlug = input.slug ? validSlug(input.slug) : null;
    const description = validDescription(input.description);
    const cuisines = validCuisines(input.cuisines);
    if (!(await this.users.findById(input.ownerId))) throw notFound(`no user with id ${input.ownerId}`);
    const now = options.now ?? new Date();
    const base = explicitSlug ?? slugFromName(name);
    for (let attempt = 1; attempt <= MAX_SLUG_SUFFIX; attempt += 1) {
      const vendor: VendorRecord = {
        id: options.id ?? randomUUID(),
        name,
        slug: attempt === 1 ? base : `${base}-${attempt}`,
        description,
        cuisines,
        ownerId: input.ownerId,
        status: input.status ?? "CLOSED",
        verification: options.verified ? "VERIFIED" : "DRAFT",
        rejectionReason: null,
        submittedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await this.vendors.insert(vendor, () => [newEvent("marketplace.vendor_created", snapshotOf(vendor))]);
      } catch (error) {
        // An explicit slug is the client's choice: tell them instead of picking another.
        if (error instanceof DuplicateSlugError && !explicitSlug) continue;
        if (error instanceof DuplicateSlugError) throw conflict(`slug "${vendor.slug}" is taken`, "slug");
        throw error;
      }
      return vendor;
    }
    throw conflict(`could not find a free slug for "${base}"; choose one`, "slug");
  }

  async update(id: string, input: VendorUpdate): Promise<VendorRecord> {
    const changes: VendorChanges = {};
    if (input.name !== undefined && input.name !== null) changes.name = validName(input.name);
    if (input.slug !== undefined && input.slug !== null) changes.slug = validSlug(input.slug);
    if (input.description !== undefined) changes.description = validDescription(input.description);
    if (input.cuisines !== undefined && input.cuisines !== null)
      changes.cuisines = validCuisines(input.cuisines);
    if (input.status !== undefined && input.status !== null) changes.status = input.status;
    if (Object.keys(changes).length === 0) throw badUserInput("give at least one field to change", "input");

    // Optimistic concurrency: a concurrent writer makes us re-read and re-apply, never overwrite blindly.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await this.vendors.findById(id);
      if (!current) throw notFound(`no vendor with id ${id}`);
      let updated: VendorRecord | null;
      try {
        updated = await this.vendors.update(id, current.version, changes, new Date(), (record) =>
          record ? [newEvent("marketplace.vendor_updated", snapshotOf(record))] : [],
        );
      } catch (error) {
        if (error instanceof DuplicateSlugError) throw conflict(`slug "${changes.slug}" is taken`, "slug");
        throw error;
      }
      if (updated) return updated;
    }
    throw conflict(`vendor ${id} is being changed concurrently; retry`);
  }
}

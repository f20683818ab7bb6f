import { Role } from "@venta/auth";
import { badUserInput, notFound } from "@venta/kit";
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { assertLiveAccount } from "../users/account-status.js";
import type { UserRecord } from "../users/user.record.js";
import { User } from "../users/user.type.js";
import { listVendors } from "./list-vendors.js";
import { assertCanManage, ownerOfNewVendor, seen } from "./vendor.access.js";
import { VendorConnection } from "./vendor.connection.js";
import { CreateVendorInput, UpdateVendorInput, VendorsFilter } from "./vendor.input.js";
import type { VendorFilter, VendorRecord } from "./vendor.record.js";
import { Vendor } from "./vendor.type.js";

const toFilter = (filter: VendorsFilter | null | undefined): VendorFilter => ({
  cuisines: filter?.cuisines?.map((c) => c.trim().toLowerCase()) ?? undefined,
  status: filter?.status ?? undefined,
  ownerId: filter?.ownerId ?? undefined,
  verification: filter?.verification ?? undefined,
});

const MAX_IDS = 500;

@Resolver(() => Vendor)
export class VendorsResolver {
  @Query(() => Vendor, {
    nullable: true,
    description:
      "A vendor by id, or null when there is none. Vendors not yet VERIFIED are null for anyone but their owner and admins.",
  })
  async vendor(
    @Arg("id", () => ID, { description: "The vendor's id." }) id: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord | null> {
    return seen(ctx.viewer, await ctx.loaders.vendor.load(id));
  }

  @Query(() => Vendor, {
    nullable: true,
    description:
      "A vendor by its slug, or null when there is none. Vendors not yet VERIFIED are null for anyone but their owner and admins.",
  })
  async vendorBySlug(
    @Arg("slug", () => String, { description: "The vendor's slug, as in its link." }) slug: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord | null> {
    return seen(ctx.viewer, await ctx.services.vendorsStore.findBySlug(slug));
  }

  @Query(() => [Vendor], {
    nullable: "items",
    description: `Up to ${MAX_IDS} vendors by id, in the order asked; null where there is none (or the caller may not see it). Fetches many vendors in one request, such as the vendors of live map events.`,
  })
  async vendorsByIds(
    @Arg("ids", () => [ID], { description: `The vendors' ids, 1 to ${MAX_IDS}.` }) ids: string[],
    @Ctx() ctx: MarketplaceContext,
  ): Promise<(VendorRecord | null)[]> {
    if (ids.length < 1 || ids.length > MAX_IDS)
      throw badUserInput(`ids must hold 1 to ${MAX_IDS} ids`, "ids");
    const found = await Promise.all(ids.map((id) => ctx.loaders.vendor.load(id)));
    return found.map((vendor) => seen(ctx.viewer, vendor));
  }

  @Query(() => VendorConnection, {
    description:
      "Every vendor the caller may see, oldest first, optionally filtered: VERIFIED vendors, plus the caller's own; admins see all.",
  })
  vendors(
    @Ctx() ctx: MarketplaceContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
    @Arg("filter", () => VendorsFilter, { nullable: true, description: "Conditions the vendors must meet." })
    filter?: VendorsFilter | null,
  ): Promise<VendorConnection> {
    return listVendors(ctx, first, after, toFilter(filter));
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => Vendor, {
    description:
      "Creates a vendor profile owned by the caller (VENDOR role), or by any existing account when an ADMIN names it.",
  })
  async createVendor(
    @Arg("input", () => CreateVendorInput, { description: "The new vendor profile." })
    input: CreateVendorInput,
    @Ctx() ctx: MarketplaceContext,
  ) {
    const ownerId = ownerOfNewVendor(ctx.viewer, input.ownerId);
    // A vendor account creating its own vendor needs its account first (and a live one).
    if (ownerId === ctx.viewer.userId) await assertLiveAccount(ctx.services.usersStore, ownerId);
    return ctx.services.vendors.create({ ...input, ownerId });
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => Vendor, {
    description:
      "Changes a vendor profile; fields left out keep their value. Only its owner or an ADMIN may.",
  })
  async updateVendor(
    @Arg("input", () => UpdateVendorInput, { description: "Which vendor, and what changes." })
    input: UpdateVendorInput,
    @Ctx() ctx: MarketplaceContext,
  ) {
    const { id, ...changes } = input;
    const vendor = await ctx.loaders.vendor.load(id);
    if (!vendor) throw notFound(`no vendor with id ${id}`);
    assertCanManage(ctx.viewer, vendor);
    return ctx.services.vendors.update(id, changes);
  }

  @FieldResolver(() => User, { description: "The account that owns and manages the vendor." })
  async owner(@Root() vendor: VendorRecord, @Ctx() ctx: MarketplaceContext): Promise<UserRecord> {
    const owner = await ctx.loaders.user.load(vendor.ownerId);
    if (!owner) throw new Error(`vendor ${vendor.id} has no owner ${vendor.ownerId}`);
    return owner;
  }
}

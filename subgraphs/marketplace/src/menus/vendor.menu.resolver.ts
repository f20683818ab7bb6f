import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import { Menu } from "./menu.type.js";
import { type MenuSection, menuSections } from "./menu.view.js";

@Resolver(() => Vendor)
export class VendorMenuResolver {
  @FieldResolver(() => Menu, {
    description: "What the vendor sells, by category; sold-out items are included with `available: false`.",
  })
  async menu(
    @Root() vendor: VendorRecord,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<{ categories: MenuSection[] }> {
    return { categories: menuSections(await ctx.loaders.menu.load(vendor.id)) };
  }
}

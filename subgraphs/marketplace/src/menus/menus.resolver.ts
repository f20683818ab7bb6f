import { Role } from "@venta/auth";
import { notFound } from "@venta/kit";
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { assertCanManage } from "../vendors/vendor.access.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import {
  CreateMenuCategoryInput,
  CreateMenuItemInput,
  ReorderMenuCategoriesInput,
  UpdateMenuCategoryInput,
  UpdateMenuItemInput,
} from "./menu.input.js";
import type { MenuItemRecord, MenuRecord } from "./menu.record.js";
import { MenuCategory, MenuItem } from "./menu.type.js";
import { itemOf, type MenuSection, sectionOf } from "./menu.view.js";

/** The vendor, if the viewer may change its menu (its owner or an admin). */
async function managedVendor(ctx: MarketplaceContext, vendorId: string): Promise<VendorRecord> {
  const vendor = await ctx.loaders.vendor.load(vendorId);
  if (!vendor) throw notFound(`no vendor with id ${vendorId}`);
  assertCanManage(ctx.viewer, vendor);
  return vendor;
}

/** The vendor a category belongs to, if the viewer may change its menu. */
async function vendorOfCategory(ctx: MarketplaceContext, categoryId: string): Promise<VendorRecord> {
  const category = await ctx.services.menusStore.findCategory(categoryId);
  if (!category) throw notFound(`no menu category ${categoryId}`);
  return managedVendor(ctx, category.vendorId);
}

/** The vendor an item belongs to, if the viewer may change its menu. */
async function vendorOfItem(ctx: MarketplaceContext, itemId: string): Promise<VendorRecord> {
  const item = await ctx.services.menusStore.findItem(itemId);
  if (!item) throw notFound(`no menu item ${itemId}`);
  return managedVendor(ctx, item.vendorId);
}

/** Later reads of `Vendor.menu` in the same response see the menu the write left. */
function remember(ctx: MarketplaceContext, menu: MenuRecord): MenuRecord {
  ctx.loaders.menu.clear(menu.vendorId).prime(menu.vendorId, menu);
  return menu;
}

function section(menu: MenuRecord, categoryId: string): MenuSection {
  const found = sectionOf(menu, categoryId);
  if (!found) throw notFound(`no menu category ${categoryId}`);
  return found;
}

function item(menu: MenuRecord, itemId: string): MenuItemRecord {
  const found = itemOf(menu, itemId);
  if (!found) throw notFound(`no menu item ${itemId}`);
  return found;
}

/** Menu changes: each by the vendor's owner or an ADMIN only; each announced as `menu_updated`. */
@Resolver()
export class MenusResolver {
  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => MenuCategory, {
    description:
      "Adds a category at the end of a vendor's menu (at most 50). Only its owner or an ADMIN may.",
  })
  async createMenuCategory(
    @Arg("input", () => CreateMenuCategoryInput, { description: "Whose menu, and the category's name." })
    input: CreateMenuCategoryInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<MenuSection> {
    await managedVendor(ctx, input.vendorId);
    const { menu, categoryId } = await ctx.services.menus.createCategory(input.vendorId, input.name);
    return section(remember(ctx, menu), categoryId);
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => MenuCategory, { description: "Renames a menu category. Only its owner or an ADMIN may." })
  async updateMenuCategory(
    @Arg("input", () => UpdateMenuCategoryInput, { description: "Which category, and its new name." })
    input: UpdateMenuCategoryInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<MenuSection> {
    const vendor = await vendorOfCategory(ctx, input.id);
    const menu = await ctx.services.menus.renameCategory(vendor.id, input.id, input.name);
    return section(remember(ctx, menu), input.id);
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => Vendor, {
    description:
      "Deletes a menu category AND every item in it; the categories after it move up. Returns the vendor, for its `menu`. Only its owner or an ADMIN may.",
  })
  async deleteMenuCategory(
    @Arg("id", () => ID, { description: "The category to delete." }) id: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord> {
    const vendor = await vendorOfCategory(ctx, id);
    remember(ctx, await ctx.services.menus.deleteCategory(vendor.id, id));
    return vendor;
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => Vendor, {
    description:
      "Puts a vendor's menu categories in a new order. Returns the vendor, for its `menu`. Only its owner or an ADMIN may.",
  })
  async reorderMenuCategories(
    @Arg("input", () => ReorderMenuCategoriesInput, { description: "Whose menu, and the new order." })
    input: ReorderMenuCategoriesInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord> {
    const vendor = await managedVendor(ctx, input.vendorId);
    remember(ctx, await ctx.services.menus.reorderCategories(vendor.id, input.categoryIds));
    return vendor;
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => MenuItem, {
    description:
      "Adds an item under a category (a menu holds at most 200 items). Only the vendor's owner or an ADMIN may.",
  })
  async createMenuItem(
    @Arg("input", () => CreateMenuItemInput, { description: "The new item and its category." })
    input: CreateMenuItemInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<MenuItemRecord> {
    const vendor = await vendorOfCategory(ctx, input.categoryId);
    const { menu, itemId } = await ctx.services.menus.createItem(vendor.id, input);
    return item(remember(ctx, menu), itemId);
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => MenuItem, {
    description:
      "Changes a menu item; omitted fields keep their value. Only the vendor's owner or an ADMIN may.",
  })
  async updateMenuItem(
    @Arg("input", () => UpdateMenuItemInput, { description: "Which item, and what changes." })
    input: UpdateMenuItemInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<MenuItemRecord> {
    const { id, ...changes } = input;
    const vendor = await vendorOfItem(ctx, id);
    return item(remember(ctx, await ctx.services.menus.updateItem(vendor.id, id, changes)), id);
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => MenuItem, {
    description:
      "Marks a menu item sold out (false) or back on (true); it stays on the menu. Only the vendor's owner or an ADMIN may.",
  })
  async setMenuItemAvailability(
    @Arg("itemId", () => ID, { description: "The item." }) itemId: string,
    @Arg("available", () => Boolean, { description: "Whether it can be ordered now." }) available: boolean,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<MenuItemRecord> {
    const vendor = await vendorOfItem(ctx, itemId);
    return item(
      remember(ctx, await ctx.services.menus.setItemAvailability(vendor.id, itemId, available)),
      itemId,
    );
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => Vendor, {
    description: "Deletes a menu item. Returns the vendor, for its `menu`. Only its owner or an ADMIN may.",
  })
  async deleteMenuItem(
    @Arg("id", () => ID, { description: "The item to delete." }) id: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord> {
    const vendor = await vendorOfItem(ctx, id);
    remember(ctx, await ctx.services.menus.deleteItem(vendor.id, id));
    return vendor;
  }
}

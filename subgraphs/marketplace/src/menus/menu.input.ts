import { Field, ID, InputType, Int } from "type-graphql";
import type { DietaryTag } from "./menu.record.js";
import { DietaryTagEnum } from "./menu.type.js";

@InputType({ description: "A new category, added after the vendor's last one." })
export class CreateMenuCategoryInput {
  @Field(() => ID, { description: "The vendor whose menu it goes on." })
  vendorId!: string;

  @Field(() => String, { description: "Name, 1 to 80 characters." })
  name!: string;
}

@InputType({ description: "A new name for a menu category." })
export class UpdateMenuCategoryInput {
  @Field(() => ID, { description: "The category to rename." })
  id!: string;

  @Field(() => String, { description: "New name, 1 to 80 characters." })
  name!: string;
}

@InputType({ description: "A new order for a vendor's menu categories." })
export class ReorderMenuCategoriesInput {
  @Field(() => ID, { description: "The vendor whose menu it is." })
  vendorId!: string;

  @Field(() => [ID], { description: "Every one of the vendor's categories, once each, first shown first." })
  categoryIds!: string[];
}

@InputType({ description: "A new menu item." })
export class CreateMenuItemInput {
  @Field(() => ID, { description: "The category it is listed under (which also says whose menu it is on)." })
  categoryId!: string;

  @Field(() => String, { description: "Name, 1 to 80 characters." })
  name!: string;

  @Field(() => String, { nullable: true, description: "What is in it, up to 500 characters." })
  description?: string | null;

  @Field(() => Int, { description: "Price in the currency's minor unit (cents for USD), 0 or more." })
  priceMinor!: number;

  @Field(() => String, { description: "ISO 4217 currency code, upper-case, such as USD." })
  currency!: string;

  @Field(() => [DietaryTagEnum], { defaultValue: [], description: "Dietary properties." })
  dietaryTags!: DietaryTag[];

  @Field(() => Boolean, { defaultValue: true, description: "Whether it can be ordered now." })
  available!: boolean;

  @Field(() => String, { nullable: true, description: "An https URL of a photo of the item." })
  photoUrl?: string | null;
}

@InputType({ description: "Changes to a menu item; omitted fields stay as they are." })
export class UpdateMenuItemInput {
  @Field(() => ID, { description: "The item to change." })
  id!: string;

  @Field(() => ID, { nullable: true, description: "Move it under another of the vendor's categories." })
  categoryId?: string | null;

  @Field(() => String, { nullable: true, description: "New name, 1 to 80 characters." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "New description; null or an empty string clears it." })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: "New price in minor units, 0 or more." })
  priceMinor?: number | null;

  @Field(() => String, { nullable: true, description: "New ISO 4217 currency code." })
  currency?: string | null;

  @Field(() => [DietaryTagEnum], {
    nullable: true,
    description: "New dietary properties (replacing them all).",
  })
  dietaryTags?: DietaryTag[] | null;

  @Field(() => Boolean, { nullable: true, description: "Whether it can be ordered now." })
  available?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "New photo URL (https); null or an empty string clears it.",
  })
  photoUrl?: string | null;
}

import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DIETARY_TAGS, type DietaryTag } from "./menu.record.js";

export const DietaryTagEnum = Object.fromEntries(DIETARY_TAGS.map((t) => [t, t])) as { [K in DietaryTag]: K };

registerEnumType(DietaryTagEnum, {
  name: "DietaryTag",
  description: "A dietary property of a menu item, for icons and filters.",
  valuesConfig: {
    VEGETARIAN: { description: "No meat or fish." },
    VEGAN: { description: "No animal products at all." },
    GLUTEN_FREE: { description: "Made without gluten." },
    DAIRY_FREE: { description: "Made without milk products." },
    NUT_FREE: { description: "Made without nuts." },
    HALAL: { description: "Prepared according to Islamic law." },
    KOSHER: { description: "Prepared according to Jewish dietary law." },
    SPICY: { description: "Hot: chili or other heat." },
  },
});

@ObjectType({ description: "A dish or drink on a vendor's menu." })
export class MenuItem {
  @Field(() => ID, { description: "Stable identifier of the item." })
  id!: string;

  @Field(() => String, { description: "The item's name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "What is in it, in the vendor's words." })
  description!: string | null;

  @Field(() => Int, {
    description: "The price in the currency's minor unit (cents for USD: 1250 is $12.50); never negative.",
  })
  priceMinor!: number;

  @Field(() => String, { description: "The price's currency, an ISO 4217 code such as USD." })
  currency!: string;

  @Field(() => [DietaryTagEnum], { description: "Dietary properties, without duplicates." })
  dietaryTags!: DietaryTag[];

  @Field(() => Boolean, {
    description: "Whether it can be ordered now; false while sold out or off, but it stays on the menu.",
  })
  available!: boolean;

  @Field(() => String, { nullable: true, description: "An https URL of a photo of the item, if any." })
  photoUrl!: string | null;

  @Field(() => Date, { description: "When the item last changed (ISO 8601)." })
  updatedAt!: Date;
}

@ObjectType({ description: "A section of a vendor's menu, such as Tacos or Drinks." })
export class MenuCategory {
  @Field(() => ID, { description: "Stable identifier of the category." })
  id!: string;

  @Field(() => String, { description: "The category's name." })
  name!: string;

  @Field(() => Int, { description: "Where it is shown: 0 for the first category, then 1, 2…" })
  position!: number;

  @Field(() => [MenuItem], {
    description: "The items in it, in the order they were added; unavailable ones included.",
  })
  items!: MenuItem[];
}

@ObjectType({ description: "What a vendor sells, by category." })
export class Menu {
  @Field(() => [MenuCategory], {
    description: "The categories by position; empty when there is no menu yet.",
  })
  categories!: MenuCategory[];
}

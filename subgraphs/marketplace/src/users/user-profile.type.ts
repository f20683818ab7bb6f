import { Field, ObjectType, registerEnumType } from "type-graphql";
import type { DietaryTag, NotificationCategory } from "./user-profile.record.js";

export const DietaryPreferenceEnum = {
  VEGETARIAN: "VEGETARIAN",
  VEGAN: "VEGAN",
  GLUTEN_FREE: "GLUTEN_FREE",
  DAIRY_FREE: "DAIRY_FREE",
  NUT_FREE: "NUT_FREE",
  HALAL: "HALAL",
  KOSHER: "KOSHER",
} as const satisfies Record<DietaryTag, DietaryTag>;

// Named apart from the menus' item tags so the two modules never clash over one type name; the
// values are the same, so an app can match a person's diet against menu items directly.
registerEnumType(DietaryPreferenceEnum, {
  name: "DietaryPreference",
  description: "A diet a person follows; the same values menus tag their items with.",
  valuesConfig: {
    VEGETARIAN: { description: "No meat or fish." },
    VEGAN: { description: "No animal products at all." },
    GLUTEN_FREE: { description: "No gluten." },
    DAIRY_FREE: { description: "No milk products." },
    NUT_FREE: { description: "No nuts." },
    HALAL: { description: "Halal food only." },
    KOSHER: { description: "Kosher food only." },
  },
});

export const NotificationCategoryEnum = {
  FAVORITE_NEARBY: "FAVORITE_NEARBY",
  PROMOTIONS: "PROMOTIONS",
  MESSAGES: "MESSAGES",
  LOYALTY: "LOYALTY",
} as const satisfies Record<NotificationCategory, NotificationCategory>;

registerEnumType(NotificationCategoryEnum, {
  name: "NotificationCategory",
  description: "What Venta may notify a person about.",
  valuesConfig: {
    FAVORITE_NEARBY: { description: "A favorite vendor opened or came near." },
    PROMOTIONS: { description: "Offers and news from vendors and Venta (off until the person opts in)." },
    MESSAGES: { description: "Messages addressed to the person." },
    LOYALTY: { description: "Points earned, rewards within reach, tier changes." },
  },
});

@ObjectType({ description: "Which channels one notification category may use." })
export class NotificationPreference {
  @Field(() => NotificationCategoryEnum, { description: "The category these switches are for." })
  category!: NotificationCategory;

  @Field(() => Boolean, { description: "Push notifications to the person's devices." })
  push!: boolean;

  @Field(() => Boolean, { description: "E-mail." })
  email!: boolean;

  @Field(() => Boolean, { description: "Text messages." })
  sms!: boolean;
}

/** Marketplace's switches were never the ones sending reads; communication's are. */
export const NOTIFICATIONS_DEPRECATION =
  "Use myNotificationSettings / updateMyNotificationSettings: those are the switches applied when sending.";

@ObjectType({ description: "How a person wants Venta to behave for them." })
export class UserPreferences {
  @Field(() => [String], { description: "Cuisines the person likes, lower-case, at most 20." })
  favoriteCuisines!: string[];

  @Field(() => [DietaryPreferenceEnum], { description: "Diets the person follows." })
  dietaryTags!: DietaryTag[];

  @Field(() => [NotificationPreference], {
    description:
      "Every notification category with its channel switches as set here; categories the person never set show the defaults (PROMOTIONS off everywhere, never SMS). Not what sending reads: see `myNotificationSettings`.",
    deprecationReason: NOTIFICATIONS_DEPRECATION,
  })
  notifications!: NotificationPreference[];
}

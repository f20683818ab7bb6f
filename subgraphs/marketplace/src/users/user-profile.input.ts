import { Field, InputType } from "type-graphql";
import type { DietaryTag, NotificationCategory } from "./user-profile.record.js";
import {
  DietaryPreferenceEnum,
  NOTIFICATIONS_DEPRECATION,
  NotificationCategoryEnum,
} from "./user-profile.type.js";

@InputType({ description: "The channel switches of one notification category, all three at once." })
export class NotificationPreferenceInput {
  @Field(() => NotificationCategoryEnum, { description: "The category to set; at most once per change." })
  category!: NotificationCategory;

  @Field(() => Boolean, { description: "Push notifications on or off." })
  push!: boolean;

  @Field(() => Boolean, { description: "E-mail on or off." })
  email!: boolean;

  @Field(() => Boolean, { description: "Text messages on or off." })
  sms!: boolean;
}

@InputType({ description: "Changes to preferences; omitted fields stay as they are." })
export class PreferencesInput {
  @Field(() => [String], {
    nullable: true,
    description: "Replaces the favorite cuisines: at most 20, stored lower-case without duplicates.",
  })
  favoriteCuisines?: string[] | null;

  @Field(() => [DietaryPreferenceEnum], { nullable: true, description: "Replaces the diets followed." })
  dietaryTags?: DietaryTag[] | null;

  @Field(() => [NotificationPreferenceInput], {
    nullable: true,
    description:
      "Sets the given categories; categories not listed keep their switches. Still applied to `myNotificationSettings` (FAVORITE_NEARBY to VENDOR_NEARBY, MESSAGES to CHAT_MESSAGE, PROMOTIONS to PROMOTION; LOYALTY has no topic there), unless a topic was changed there later.",
    deprecationReason: NOTIFICATIONS_DEPRECATION,
  })
  notifications?: NotificationPreferenceInput[] | null;
}

@InputType({
  description:
    "Changes to the caller's profile: omitted fields stay as they are; null (or an empty string) clears bio, avatarUrl, locale and timeZone. At least one field.",
})
export class UpdateMyProfileInput {
  @Field(() => String, { nullable: true, description: "The name shown to other people, 1 to 60 characters." })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: "A few words about the person, up to 280 characters." })
  bio?: string | null;

  @Field(() => String, { nullable: true, description: "Picture of the person: an https URL." })
  avatarUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Preferred language and region as a BCP 47 tag such as `en-US`; stored canonicalised.",
  })
  locale?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "An IANA time zone such as `America/Chicago`.",
  })
  timeZone?: string | null;

  @Field(() => PreferencesInput, { nullable: true, description: "Changes to preferences." })
  preferences?: PreferencesInput | null;
}

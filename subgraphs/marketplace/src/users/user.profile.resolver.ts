import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { canSeePrivate } from "./user.privacy.js";
import type { UserRecord } from "./user.record.js";
import { User } from "./user.type.js";
import { UpdateMyProfileInput } from "./user-profile.input.js";
import {
  DEFAULT_NOTIFICATIONS,
  NOTIFICATION_CATEGORIES,
  type UserProfileRecord,
} from "./user-profile.record.js";
import { UserPreferences } from "./user-profile.type.js";

/** The profile, read through the request's loader: every account of a response in one store query. */
const profileOf = (user: UserRecord, ctx: MarketplaceContext): Promise<UserProfileRecord | null> =>
  ctx.loaders.userProfile.load(user.id);

/** A private field's value for the person themself and admins; null for everyone else. */
async function privately<T>(
  user: UserRecord,
  ctx: MarketplaceContext,
  pick: (profile: UserProfileRecord | null) => T,
): Promise<T | null> {
  if (!canSeePrivate(ctx.viewer, user.id)) return null;
  return pick(await profileOf(user, ctx));
}

@Resolver(() => User)
export class UserProfileResolver {
  @FieldResolver(() => String, { nullable: true, description: "A few words about the person. Public." })
  async bio(@Root() user: UserRecord, @Ctx() ctx: MarketplaceContext): Promise<string | null> {
    return (await profileOf(user, ctx))?.bio ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Picture of the person (https). Public." })
  async avatarUrl(@Root() user: UserRecord, @Ctx() ctx: MarketplaceContext): Promise<string | null> {
    return (await profileOf(user, ctx))?.avatarUrl ?? null;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the person deleted their account: it then shows as `Deleted user` with no personal data. Public.",
  })
  async deleted(@Root() user: UserRecord, @Ctx() ctx: MarketplaceContext): Promise<boolean> {
    return ((await profileOf(user, ctx))?.deletedAt ?? null) !== null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Preferred language and region (BCP 47, such as `en-US`). Private: null unless the caller is this person or an ADMIN.",
  })
  locale(@Root() user: UserRecord, @Ctx() ctx: MarketplaceContext): Promise<string | null> {
    return privately(user, ctx, (p) => p?.locale ?? null);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "IANA time zone (such as `America/Chicago`). Private: null unless the caller is this person or an ADMIN.",
  })
  timeZone(@Root() user: UserRecord, @Ctx() ctx: MarketplaceContext): Promise<string | null> {
    return privately(user, ctx, (p) => p?.timeZone ?? null);
  }

  @FieldResolver(() => UserPreferences, {
    nullable: true,
    description:
      "Cuisines, diets and notification settings. Private: null unless the caller is this person or an ADMIN.",
  })
  preferences(@Root() user: UserRecord, @Ctx() ctx: MarketplaceContext): Promise<UserPreferences | null> {
    return privately(user, ctx, (p) => ({
      favoriteCuisines: p?.preferences.favoriteCuisines ?? [],
      dietaryTags: p?.preferences.dietaryTags ?? [],
      notifications: NOTIFICATION_CATEGORIES.map((category) => ({
        category,
        ...(p?.preferences.notifications[category] ?? DEFAULT_NOTIFICATIONS[category]),
      })),
    }));
  }

  @Authorized()
  @Mutation(() => User, {
    description:
      "Changes the caller's profile and preferences. Everything is checked before anything is written: one bad field changes nothing.",
  })
  updateMyProfile(
    @Arg("input", () => UpdateMyProfileInput, { description: "What to change." }) input: UpdateMyProfileInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<UserRecord> {
    return ctx.services.users.updateProfile(ctx.viewer.userId as string, input);
  }
}

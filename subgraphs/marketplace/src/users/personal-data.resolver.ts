import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { AccountDeletion, DataExport } from "./personal-data.service.js";
import { DeleteMyAccountPayload, UserDataExport } from "./personal-data.type.js";

/** GDPR self-service: a person deletes or downloads their own data, never someone else's. */
@Resolver()
export class PersonalDataResolver {
  @Authorized()
  @Query(() => UserDataExport, {
    description:
      "Everything Venta holds about the caller: the marketplace's data (profile, preferences, loyalty and every other module's) as JSON, and typed sections from the other services (contact details, conversations, support tickets, notifications, alert zones).",
  })
  myDataExport(@Ctx() ctx: MarketplaceContext): Promise<DataExport> {
    return ctx.services.personalData.exportData(ctx.viewer.userId as string);
  }

  @Authorized()
  @Mutation(() => DeleteMyAccountPayload, {
    description:
      "Deletes the caller's account for good (GDPR erasure): the profile, preferences, reviews, helpful votes, favorites, loyalty points and ledger are deleted (ratings and counts are adjusted), and the account stays only as `Deleted user`, so nothing can be written in its name again. CONFLICT while the account owns vendors: transfer or delete them first.",
  })
  deleteMyAccount(
    @Arg("confirm", () => Boolean, { description: "Must be true: the deletion cannot be undone." })
    confirm: boolean,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<AccountDeletion> {
    return ctx.services.personalData.deleteAccount(ctx.viewer.userId as string, confirm);
  }
}

import { forbidden, isAdmin, unauthenticated } from "@venta/auth";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { UserRecord } from "../users/user.record.js";
import { User } from "../users/user.type.js";
import { FavoriteVendorConnection } from "./favorite.connection.js";
import { listFavoriteVendors } from "./list-favorites.js";

@Resolver(() => User)
export class UserFavoritesResolver {
  @FieldResolver(() => FavoriteVendorConnection, {
    description:
      "The account's favorite vendors, most recently favorited first. Only the account itself and admins may read them.",
  })
  favoriteVendors(
    @Root() user: UserRecord,
    @Ctx() ctx: MarketplaceContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<FavoriteVendorConnection> {
    const { viewer } = ctx;
    if (viewer.userId === null && viewer.partner === null) throw unauthenticated();
    if (viewer.userId !== user.id && !isAdmin(viewer))
      throw forbidden("only the account itself or an admin may read its favorites");
    return listFavoriteVendors(ctx, user.id, first, after);
  }
}

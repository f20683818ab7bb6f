import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { listVendors } from "../vendors/list-vendors.js";
import { VendorConnection } from "../vendors/vendor.connection.js";
import type { UserRecord } from "./user.record.js";
import { User } from "./user.type.js";

@Resolver(() => User)
export class UserVendorsResolver {
  @FieldResolver(() => VendorConnection, { description: "The vendors this account owns, oldest first." })
  vendors(
    @Root() user: UserRecord,
    @Ctx() ctx: MarketplaceContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<VendorConnection> {
    return listVendors(ctx, first, after, { ownerId: user.id });
  }
}

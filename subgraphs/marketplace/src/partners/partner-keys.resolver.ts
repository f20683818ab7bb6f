import { forbidden, Role } from "@venta/auth";
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { UserRecord } from "../users/user.record.js";
import { User } from "../users/user.type.js";
import { listPartnerKeys } from "./list-partner-keys.js";
import { PartnerKeyConnection } from "./partner-key.connection.js";
import { CreatePartnerKeyInput, CreatePartnerKeyPayload } from "./partner-key.input.js";
import type { PartnerKeyRecord } from "./partner-key.record.js";
import { PartnerKey } from "./partner-key.type.js";

/** Partner API keys are managed by admins only; the key itself leaves the service once, on creation. */
@Resolver(() => PartnerKey)
export class PartnerKeysResolver {
  @Authorized(Role.Admin)
  @Query(() => PartnerKeyConnection, {
    description: "Partner API keys, newest first; revoked ones only when asked. ADMIN only.",
  })
  partnerKeys(
    @Ctx() ctx: MarketplaceContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
    @Arg("includeRevoked", () => Boolean, {
      defaultValue: false,
      description: "Also list (and count) revoked keys.",
    })
    includeRevoked?: boolean,
  ): Promise<PartnerKeyConnection> {
    return listPartnerKeys(ctx, first, after, includeRevoked ?? false);
  }

  @Authorized(Role.Admin)
  @Mutation(() => CreatePartnerKeyPayload, {
    description:
      "Issues a partner API key. The response holds the key itself, the only time it is ever shown. ADMIN only.",
  })
  async createPartnerKey(
    @Arg("input", () => CreatePartnerKeyInput, { description: "Who the key is for and what it unlocks." })
    input: CreatePartnerKeyInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<{ key: string; partnerKey: PartnerKeyRecord }> {
    const adminId = ctx.viewer.userId;
    if (adminId === null) throw forbidden("only a signed-in admin may create partner keys");
    const { key, record } = await ctx.services.partnerKeys.create(input.name, input.scopes, adminId);
    return { key, partnerKey: record };
  }

  @Authorized(Role.Admin)
  @Mutation(() => PartnerKey, {
    description:
      "Revokes a partner API key for good: it stops working at once. Revoking a revoked key changes nothing. ADMIN only.",
  })
  revokePartnerKey(
    @Arg("id", () => ID, { description: "The key's id (not the key itself)." }) id: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<PartnerKeyRecord> {
    return ctx.services.partnerKeys.revoke(id);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: "The admin who created the key; null if that admin has no Venta account.",
  })
  createdBy(@Root() key: PartnerKeyRecord, @Ctx() ctx: MarketplaceContext): Promise<UserRecord | null> {
    return ctx.loaders.user.load(key.createdBy);
  }
}

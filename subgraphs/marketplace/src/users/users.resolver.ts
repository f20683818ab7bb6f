import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { UserRecord } from "./user.record.js";
import { User } from "./user.type.js";

@InputType({ description: "A new account." })
export class CreateUserInput {
  @Field(() => String, { description: "The name shown to other people, 1 to 60 characters." })
  displayName!: string;
}

@Resolver(() => User)
export class UsersResolver {
  @Query(() => User, { nullable: true, description: "An account by id, or null when there is none." })
  user(
    @Arg("id", () => ID, { description: "The account's id." }) id: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<UserRecord | null> {
    return ctx.loaders.user.load(id);
  }

  @Query(() => User, {
    nullable: true,
    description: "The signed-in person's account; null when signed out or not yet created with `createUser`.",
  })
  me(@Ctx() ctx: MarketplaceContext): Promise<UserRecord | null> {
    return ctx.viewer.userId ? ctx.loaders.user.load(ctx.viewer.userId) : Promise.resolve(null);
  }

  @Authorized()
  @Mutation(() => User, {
    description:
      "Creates the signed-in person's account, with the id of their identity (the token's subject). Once per person.",
  })
  createUser(
    @Arg("input", () => CreateUserInput, { description: "The new account." }) input: CreateUserInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<UserRecord> {
    return ctx.services.users.register(input.displayName, { id: ctx.viewer.userId as string });
  }
}

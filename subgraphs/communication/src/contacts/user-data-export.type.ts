import { forbidden } from "@venta/auth";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { CommunicationContext } from "../context.js";

/** Marketplace's `myDataExport` starts the export; communication adds what it keeps about the person. */
@ObjectType({
  description:
    "Everything Venta holds about the caller (GDPR right of access): the marketplace's data in `json`, and a typed section per kind of data the other services keep.",
})
@Directive(`@key(fields: "userId")`)
export class UserDataExport {
  @Field(() => ID, { description: "The person the export is about: always the caller." })
  userId!: string;
}

/**
 * The export's person, who must be the caller: a representation naming anyone else (a forged
 * `_entities` call) is refused, whatever the caller's roles.
 */
export function exportedPerson(ctx: CommunicationContext, root: UserDataExport): string {
  if (ctx.viewer.userId === null || ctx.viewer.userId !== root.userId)
    throw forbidden("a data export is only ever of the caller's own data");
  return root.userId;
}

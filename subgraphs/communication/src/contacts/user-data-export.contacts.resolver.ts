import { exportedPerson } from "@venta/kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import { ContactDetails } from "./contact-details.type.js";
import { UserDataExport } from "./user-data-export.type.js";

@Resolver(() => UserDataExport)
export class UserDataExportContactsResolver {
  @FieldResolver(() => ContactDetails, {
    description: "The e-mail address, phone number and push devices Venta reaches the person at.",
  })
  async contactDetails(
    @Root() root: UserDataExport,
    @Ctx() ctx: CommunicationContext,
  ): Promise<ContactDetails> {
    const userId = exportedPerson(ctx, root);
    const contact = await ctx.services.contacts.contactOf(userId);
    return { userId, email: contact?.email ?? null, phone: contact?.phone ?? null };
  }
}

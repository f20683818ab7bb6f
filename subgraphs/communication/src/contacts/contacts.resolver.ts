import { forbidden } from "@venta/auth";
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import type { ContactRecord, PushDeviceRecord } from "./contact.record.js";
import { ContactDetails } from "./contact-details.type.js";
import { RegisterPushDeviceInput, UpdateContactDetailsInput } from "./contacts.input.js";
import { PushDevice } from "./push-device.type.js";

const toType = (userId: string, contact: ContactRecord | null): ContactDetails => ({
  userId,
  email: contact?.email ?? null,
  phone: contact?.phone ?? null,
});

/** The signed-in person's e-mail address, phone number and push devices. */
@Resolver(() => ContactDetails)
export class ContactsResolver {
  @Authorized()
  @Query(() => ContactDetails, { description: "Where Venta reaches the signed-in person outside the app." })
  async myContactDetails(@Ctx() ctx: CommunicationContext): Promise<ContactDetails> {
    const userId = ctx.viewer.userId;
    if (userId === null) throw forbidden("only a signed-in person has contact details");
    return toType(userId, await ctx.services.contacts.contactOf(userId));
  }

  @Authorized()
  @Mutation(() => ContactDetails, {
    description: "Changes the signed-in person's e-mail address or phone number.",
  })
  async updateMyContactDetails(
    @Arg("input", () => UpdateContactDetailsInput, { description: "What to change." })
    input: UpdateContactDetailsInput,
    @Ctx() ctx: CommunicationContext,
  ): Promise<ContactDetails> {
    const contact = await ctx.services.contacts.updateMine(ctx.viewer, input);
    return toType(contact.userId, contact);
  }

  @Authorized()
  @Mutation(() => PushDevice, {
    description:
      "Registers a device of the signed-in person for push notifications (apps call it on every start); a token registered by someone else moves to the caller.",
  })
  registerPushDevice(
    @Arg("input", () => RegisterPushDeviceInput, { description: "The device." })
    input: RegisterPushDeviceInput,
    @Ctx() ctx: CommunicationContext,
  ): Promise<PushDeviceRecord> {
    return ctx.services.contacts.registerDevice(ctx.viewer, input.token, input.platform);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      "Stops push notifications to one of the signed-in person's devices (on sign-out); false when it was not theirs.",
  })
  unregisterPushDevice(
    @Arg("token", () => String, { description: "The device's push token." }) token: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<boolean> {
    return ctx.services.contacts.unregisterDevice(ctx.viewer, token);
  }

  @FieldResolver(() => [PushDevice], {
    description: "The devices push notifications go to, most recently registered first.",
  })
  pushDevices(
    @Root() details: ContactDetails,
    @Ctx() ctx: CommunicationContext,
  ): Promise<PushDeviceRecord[]> {
    return ctx.services.contacts.devicesOf(details.userId);
  }
}

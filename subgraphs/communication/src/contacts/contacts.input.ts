import { Field, InputType } from "type-graphql";
import type { PushPlatform } from "../channels/channel.js";
import { PushPlatformEnum } from "./push-device.type.js";

@InputType({
  description:
    "Changes to contact details: omitted fields stay as they are; null (or an empty string) clears.",
})
export class UpdateContactDetailsInput {
  @Field(() => String, { nullable: true, description: "An e-mail address; stored lower-case." })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A phone number in international form (+15125550100); spaces and dashes are ignored.",
  })
  phone?: string | null;
}

@InputType({ description: "A device to send push notifications to." })
export class RegisterPushDeviceInput {
  @Field(() => String, { description: "The token the app got from APNs or FCM." })
  token!: string;

  @Field(() => PushPlatformEnum, { description: "The kind of device, which decides the push service." })
  platform!: PushPlatform;
}

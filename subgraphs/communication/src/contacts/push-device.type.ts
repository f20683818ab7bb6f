import { Field, ObjectType, registerEnumType } from "type-graphql";
import type { PushPlatform } from "../channels/channel.js";

export const PushPlatformEnum = {
  IOS: "IOS",
  ANDROID: "ANDROID",
  WEB: "WEB",
} as const satisfies Record<PushPlatform, PushPlatform>;

registerEnumType(PushPlatformEnum, {
  name: "PushPlatform",
  description: "The kind of device a push token belongs to; it decides the push service used.",
  valuesConfig: {
    IOS: { description: "An iPhone or iPad app: an APNs device token." },
    ANDROID: { description: "An Android app: an FCM registration token." },
    WEB: { description: "A web app: an FCM registration token." },
  },
});

@ObjectType({ description: "A device of the signed-in person that receives push notifications." })
export class PushDevice {
  @Field(() => String, { description: "The token the push service issued to the app on this device." })
  token!: string;

  @Field(() => PushPlatformEnum, { description: "The kind of device." })
  platform!: PushPlatform;

  @Field(() => Date, { description: "When the app last registered the token (ISO 8601)." })
  registeredAt!: Date;
}

import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { VendorMediaKind } from "./vendor-media.record.js";

/** The GraphQL enum's values: the kinds as stored. */
export const VendorMediaKindEnum = {
  PHOTO: "PHOTO",
  BUSINESS_DOCUMENT: "BUSINESS_DOCUMENT",
} as const satisfies { [K in VendorMediaKind]: K };

registerEnumType(VendorMediaKindEnum, {
  name: "VendorMediaKind",
  description: "What a vendor's file is for.",
  valuesConfig: {
    PHOTO: { description: "A photo for the vendor's profile, shown to everyone: JPEG, PNG or WebP." },
    BUSINESS_DOCUMENT: {
      description:
        "Paperwork for the admins' review (permits, licences), shown only to the vendor's owner and admins: JPEG, PNG, WebP or PDF.",
    },
  },
});

@ObjectType({ description: "A file a vendor uploaded: a profile photo or a business document." })
export class VendorMedia {
  @Field(() => ID, { description: "Stable identifier of the file." })
  id!: string;

  @Field(() => VendorMediaKindEnum, { description: "What the file is for." })
  kind!: VendorMediaKind;

  @Field(() => String, { description: "The name the uploader gave the file." })
  fileName!: string;

  @Field(() => String, { description: "The file's type, checked against its content (`image/png`, …)." })
  contentType!: string;

  @Field(() => Int, { description: "The file's size in bytes." })
  sizeBytes!: number;

  @Field(() => Date, { description: "When the file was uploaded (ISO 8601)." })
  createdAt!: Date;
}

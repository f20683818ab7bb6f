import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Vendor } from "../positions/vendor.type.js";
import { VendorLocation } from "../positions/vendor-location.type.js";

export const VendorLocationEventKindEnum = {
  MOVED: "MOVED",
  ENTERED: "ENTERED",
  LEFT: "LEFT",
  OFFLINE: "OFFLINE",
} as const;

registerEnumType(VendorLocationEventKindEnum, {
  name: "VendorLocationEventKind",
  description: "What happened to a vendor, as seen from the subscribed area.",
  valuesConfig: {
    MOVED: { description: "The vendor moved and is still inside the area." },
    ENTERED: { description: "The vendor came into the area (or started broadcasting inside it)." },
    LEFT: { description: "The vendor went out of the area: drop its marker." },
    OFFLINE: {
      description: "The vendor inside the area stopped broadcasting: its position is no longer live.",
    },
  },
});

@ObjectType({ description: "A change in where a vendor is, for live maps." })
export class VendorLocationEvent {
  @Field(() => VendorLocationEventKindEnum, {
    description: "What happened, relative to the subscribed area.",
  })
  kind!: keyof typeof VendorLocationEventKindEnum;

  @Field(() => Vendor, { description: "The vendor; select any of its fields, as in a query." })
  vendor!: Vendor;

  @Field(() => VendorLocation, {
    nullable: true,
    description: "Where the vendor is now (for LEFT, where it went).",
  })
  location!: VendorLocation | null;
}

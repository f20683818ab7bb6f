import { Field, ID, InputType } from "type-graphql";
import { VendorVerificationEnum } from "../onboarding/vendor-verification.type.js";
import type { VendorVerification } from "./vendor.record.js";
import { VendorStatusEnum } from "./vendor.type.js";

type VendorStatus = keyof typeof VendorStatusEnum;

@InputType({ description: "A new vendor profile." })
export class CreateVendorInput {
  @Field(() => String, { description: "Display name, 2 to 80 characters." })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "URL-safe unique name; derived from the name when omitted (with a numeric suffix if taken).",
  })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "What the vendor sells, up to 2000 characters." })
  description?: string | null;

  @Field(() => [String], { description: "1 to 10 cuisines; stored lower-case." })
  cuisines!: string[];

  @Field(() => ID, {
    nullable: true,
    description:
      "The account that owns and manages the vendor: the caller when omitted; only an ADMIN may name another.",
  })
  ownerId?: string | null;

  @Field(() => VendorStatusEnum, { nullable: true, description: "Initial status; CLOSED when omitted." })
  status?: VendorStatus | null;
}

@InputType({ description: "Changes to a vendor profile; omitted fields stay as they are." })
export class UpdateVendorInput {
  @Field(() => ID, { description: "The vendor to change." })
  id!: string;

  @Field(() => String, { nullable: true, description: "New display name, 2 to 80 characters." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "New URL-safe unique name." })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "New description; an empty string clears it." })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: "New cuisines, 1 to 10." })
  cuisines?: string[] | null;

  @Field(() => VendorStatusEnum, { nullable: true, description: "Open or close the vendor." })
  status?: VendorStatus | null;
}

@InputType({ description: "Narrows a vendor list; all given conditions must hold." })
export class VendorsFilter {
  @Field(() => [String], { nullable: true, description: "Vendors serving at least one of these cuisines." })
  cuisines?: string[] | null;

  @Field(() => VendorStatusEnum, { nullable: true, description: "Only vendors with this status." })
  status?: VendorStatus | null;

  @Field(() => ID, { nullable: true, description: "Only vendors owned by this account." })
  ownerId?: string | null;

  @Field(() => VendorVerificationEnum, {
    nullable: true,
    description: "Only vendors at this onboarding step (of those the caller may see at all).",
  })
  verification?: VendorVerification | null;
}

import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType({
  description:
    "A check-in held for review: the member could not have travelled to it from their previous check-in in the time between. It earned nothing; `adjustLoyaltyPoints` makes good an honest one.",
})
export class FlaggedCheckIn {
  @Field(() => ID, { description: "Stable identifier of the check-in." })
  id!: string;

  @Field(() => ID, { description: "The member who checked in." })
  userId!: string;

  @Field(() => ID, { description: "The vendor they checked in at." })
  vendorId!: string;

  @Field(() => Float, { description: "The latitude the member's device claimed." })
  lat!: number;

  @Field(() => Float, { description: "The longitude the member's device claimed." })
  lng!: number;

  @Field(() => Date, { description: "When the check-in was made (ISO 8601)." })
  at!: Date;

  @Field(() => Float, { description: "The latitude of the member's previous check-in." })
  fromLat!: number;

  @Field(() => Float, { description: "The longitude of the member's previous check-in." })
  fromLng!: number;

  @Field(() => Date, { description: "When the member's previous check-in was made (ISO 8601)." })
  fromAt!: Date;

  @Field(() => Int, { description: "Metres between the two check-ins, along the great circle." })
  distanceMeters!: number;

  @Field(() => Int, { description: "Seconds between the two check-ins; 0 when they were sent at once." })
  elapsedSeconds!: number;

  @Field(() => Float, {
    nullable: true,
    description: "The speed the member would have needed, in km/h; null when no time passed at all.",
  })
  impliedSpeedKmh!: number | null;
}

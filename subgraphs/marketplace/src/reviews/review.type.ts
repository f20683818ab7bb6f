import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export const ReviewStatusEnum = { PUBLISHED: "PUBLISHED", PENDING: "PENDING", REJECTED: "REJECTED" } as const;

registerEnumType(ReviewStatusEnum, {
  name: "ReviewStatus",
  description: "Where a review stands. Only PUBLISHED reviews are listed publicly and counted in ratings.",
  valuesConfig: {
    PUBLISHED: { description: "Visible to everyone and counted in the vendor's rating." },
    PENDING: { description: "Held by automatic moderation (see `flags`) until a moderator decides." },
    REJECTED: { description: "Refused by a moderator: only its author and admins see it." },
  },
});

export const ReviewFlagEnum = { BLOCKED_WORD: "BLOCKED_WORD", LINK: "LINK", BURST: "BURST" } as const;

registerEnumType(ReviewFlagEnum, {
  name: "ReviewFlag",
  description: "Why automatic moderation held a review back for a moderator.",
  valuesConfig: {
    BLOCKED_WORD: { description: "The text contains a word on the blocked-words list." },
    LINK: { description: "The text contains a web address or an e-mail address." },
    BURST: { description: "Its author wrote more than 5 reviews in 10 minutes." },
  },
});

export const ModerationDecisionEnum = { APPROVE: "APPROVE", REJECT: "REJECT" } as const;

registerEnumType(ModerationDecisionEnum, {
  name: "ModerationDecision",
  description: "A moderator's decision on a review.",
  valuesConfig: {
    APPROVE: { description: "Publish the review: it is listed and counts in the vendor's rating." },
    REJECT: { description: "Refuse the review: it is hidden and does not count." },
  },
});

export const ReviewOrderEnum = { NEWEST: "NEWEST", MOST_HELPFUL: "MOST_HELPFUL" } as const;

registerEnumType(ReviewOrderEnum, {
  name: "ReviewOrder",
  description: "The order of a vendor's reviews.",
  valuesConfig: {
    NEWEST: { description: "Most recently written first." },
    MOST_HELPFUL: { description: "Most often marked helpful first; newest first among equals." },
  },
});

@ObjectType({ description: "The vendor's public answer to a review." })
export class ReviewReply {
  @Field(() => String, { description: "What the vendor answered." })
  text!: string;

  @Field(() => Date, { description: "When the answer was last set (ISO 8601)." })
  repliedAt!: Date;
}

@ObjectType({ description: "A moderator's last decision on a review." })
export class ReviewModeration {
  @Field(() => ModerationDecisionEnum, { description: "What the moderator decided." })
  decision!: keyof typeof ModerationDecisionEnum;

  @Field(() => String, { nullable: true, description: "Why, when the moderator said." })
  reason!: string | null;

  @Field(() => Date, { description: "When the decision was made (ISO 8601)." })
  moderatedAt!: Date;
}

@ObjectType({ description: "A person's review of a vendor: stars and words. One per person and vendor." })
export class Review {
  @Field(() => ID, { description: "Stable identifier of the review." })
  id!: string;

  @Field(() => Int, { description: "Stars given, 1 to 5." })
  rating!: number;

  @Field(() => String, { description: "What the author wrote, 1 to 2000 characters." })
  text!: string;

  @Field(() => ReviewReply, { nullable: true, description: "The vendor's answer, if it gave one." })
  reply!: ReviewReply | null;

  @Field(() => Int, { description: "How many people marked the review helpful." })
  helpfulCount!: number;

  @Field(() => ReviewStatusEnum, { description: "Where the review stands: only PUBLISHED ones are public." })
  status!: keyof typeof ReviewStatusEnum;

  @Field(() => Date, { description: "When the review was first written (ISO 8601)." })
  createdAt!: Date;

  @Field(() => Date, { description: "When its author last wrote it (ISO 8601)." })
  updatedAt!: Date;
}

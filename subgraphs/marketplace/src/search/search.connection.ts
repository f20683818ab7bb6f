import { PageInfo } from "@venta/kit";
import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Vendor } from "../vendors/vendor.type.js";

export const SearchHighlightFieldEnum = {
  NAME: "NAME",
  CUISINE: "CUISINE",
  MENU_ITEM: "MENU_ITEM",
  MENU_ITEM_DESCRIPTION: "MENU_ITEM_DESCRIPTION",
  DESCRIPTION: "DESCRIPTION",
} as const;

registerEnumType(SearchHighlightFieldEnum, {
  name: "SearchHighlightField",
  description: "Which part of a vendor a search highlight comes from.",
  valuesConfig: {
    NAME: { description: "The vendor's name." },
    CUISINE: { description: "One of the vendor's cuisines." },
    MENU_ITEM: { description: "The name of an item on the vendor's menu." },
    MENU_ITEM_DESCRIPTION: { description: "The description of an item on the vendor's menu." },
    DESCRIPTION: { description: "The vendor's description." },
  },
});

@ObjectType({ description: "Where a search term occurs in a highlighted text." })
export class SearchHighlightRange {
  @Field(() => Int, { description: "Offset of the matching word in `text`, in UTF-16 code units." })
  start!: number;

  @Field(() => Int, { description: "Length of the matching word, in UTF-16 code units." })
  length!: number;
}

@ObjectType({ description: "A text of the vendor that matched the search, with where the terms are." })
export class SearchHighlight {
  @Field(() => SearchHighlightFieldEnum, { description: "Which part of the vendor the text comes from." })
  field!: keyof typeof SearchHighlightFieldEnum;

  @Field(() => String, {
    description: "The matching text; a long one is cut around its first match and marked with `…`.",
  })
  text!: string;

  @Field(() => [SearchHighlightRange], { description: "The matching words in `text`, in order." })
  ranges!: SearchHighlightRange[];
}

@ObjectType({ description: "A vendor found by a search, with its score and the cursor that points at it." })
export class VendorSearchEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Vendor, { description: "The vendor." })
  node!: Vendor;

  @Field(() => Float, {
    description: "The ranking score, 0 to 1; edges come in descending score (see `searchVendors`).",
  })
  score!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Great-circle distance from `near` to the vendor's latest position, in meters; null without `near`.",
  })
  distanceMeters!: number | null;

  /** The search's folded terms, kept so `highlights` is computed only when a client asks for it. */
  terms!: string[];
}

@ObjectType({ description: "A page of vendor search results, best first (Relay cursor connection)." })
export class VendorSearchConnection {
  @Field(() => [VendorSearchEdge], { description: "The vendors on this page, best first." })
  edges!: VendorSearchEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the results." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many vendors match the search over all pages." })
  totalCount!: number;
}

@ObjectType({ description: "A vendor with recent activity near the searched point." })
export class VendorTrendingEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Vendor, { description: "The vendor." })
  node!: Vendor;

  @Field(() => Float, {
    description: "The activity score; edges come in descending score (see `trendingVendors`).",
  })
  score!: number;

  @Field(() => Float, {
    description: "Great-circle distance from `near` to the vendor's latest position, in meters.",
  })
  distanceMeters!: number;

  @Field(() => Int, { description: "Customers who added the vendor to their favorites in the last 7 days." })
  favoritesAdded!: number;

  @Field(() => Int, { description: "Reviews of the vendor first submitted in the last 7 days." })
  reviewsSubmitted!: number;
}

@ObjectType({ description: "A page of trending vendors, most active first (Relay cursor connection)." })
export class VendorTrendingConnection {
  @Field(() => [VendorTrendingEdge], { description: "The vendors on this page, most active first." })
  edges!: VendorTrendingEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the results." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many vendors near the point had activity, over all pages." })
  totalCount!: number;
}

import "reflect-metadata";
import { Directive, Field, ObjectType } from "type-graphql";
import { badUserInput } from "./errors.js";

/** Relay page information; shared by every subgraph, so it is declared shareable. */
@ObjectType({ description: "Where a page sits in its list (Relay cursor connections)." })
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more items follow the last edge of this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Whether items precede the first edge of this page." })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the first edge, or null for an empty page.",
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last edge; pass it as `after` for the next page.",
  })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;

/** Validates a `first` argument: 1 to 100 items per page unless a field documents another limit. */
export function pageSize(first: number, argument = "first", max = MAX_PAGE_SIZE): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badUserInput(`\`${argument}\` must be an integer from 1 to ${max}`, argument);
  }
  return first;
}

/** Page information for a page of edges; every connection builds it the same way. */
export function pageInfo(
  edges: readonly { cursor: string }[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}

import { ErrorCode, type GraphQLRequestParts, type RequestRefusal } from "@venta/kit";
import { GraphQLError } from "graphql";
import { QUERY_TOO_COMPLEX, type QueryLimits } from "./query-limits.js";
import { requestedOperation } from "./request-query.js";

export type OperationSizeLimits = Pick<QueryLimits, "maxQueryChars" | "maxListItems">;

/**
 * Deeper than any input type nests (a vendor's schedule: input, days, intervals, fields): the
 * variable coercion that follows recurses once per level.
 */
const MAX_VARIABLE_DEPTH = 16;
/**
 * More fields than any input type has (the largest has about 20). Each unknown field costs
 * coercion an error and a "did you mean" search over the type's fields.
 */
const MAX_OBJECT_FIELDS = 100;
/**
 * Coercion costs per value, and a 7 MB body holds millions of them. The largest real batch, 500
 * position reports of seven fields, is 3,500 values.
 */
const MAX_VARIABLE_VALUES = 10_000;

/**
 * The checks that cost next to nothing, run on the raw request before it is parsed, validated or
 * its variables coerced: those steps take time and memory in proportion to what they are given,
 * so a 20 MB list must be refused before any of them sees it. Lists written in the query itself are
 * bounded by its token limit. Null when the request may go on.
 */
export function oversizedOperation(
  limits: OperationSizeLimits,
  query: string | undefined,
  variables: unknown,
): GraphQLError | null {
  if (query !== undefined && query.length > limits.maxQueryChars) {
    return new GraphQLError(`Query length of ${limits.maxQueryChars} characters exceeded.`, {
      extensions: { code: QUERY_TOO_COMPLEX, limit: "LENGTH" },
    });
  }
  // Iterative: JSON.parse accepts nesting far deeper than the call stack.
  const pending: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  let seen = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth } = next;
    seen += 1;
    if (seen > MAX_VARIABLE_VALUES) {
      return tooLarge(`the variables hold at most ${MAX_VARIABLE_VALUES} values`);
    }
    if (value === null || typeof value !== "object") continue;
    if (depth > MAX_VARIABLE_DEPTH) {
      return tooLarge(`variables nest at most ${MAX_VARIABLE_DEPTH} levels deep`);
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxListItems) {
        return tooLarge(`a list in the variables holds at most ${limits.maxListItems} items`);
      }
      for (const item of value) pending.push({ value: item, depth: depth + 1 });
    } else {
      const items = Object.values(value);
      if (items.length > MAX_OBJECT_FIELDS) {
        return tooLarge(`an object in the variables holds at most ${MAX_OBJECT_FIELDS} fields`);
      }
      for (const item of items) pending.push({ value: item, depth: depth + 1 });
    }
  }
  return null;
}

const tooLarge = (message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.BadUserInput } });

/**
 * The same checks on an HTTP request (a POST's body or a GET's parameters), for `graphqlRoute`:
 * Apollo has no hook before it parses that can answer the request.
 */
export function oversizedRequest(limits: OperationSizeLimits) {
  return (parts: GraphQLRequestParts): RequestRefusal | null => {
    const { query, variables } = requestedOperation(parts);
    const refused = oversizedOperation(limits, query, variables);
    return refused ? { status: 400, error: refused.toJSON() } : null;
  };
}

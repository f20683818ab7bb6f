import type { GraphQLRequestParts } from "@venta/kit";

/**
 * The query text and variables of an HTTP GraphQL request as Apollo will read them: a POST's JSON
 * body, or a GET's `query` and `variables` parameters. Anything of another shape is left for Apollo
 * to refuse, so both come back undefined.
 */
export function requestedOperation({ body, search }: GraphQLRequestParts): {
  query: string | undefined;
  variables: unknown;
} {
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const query = "query" in body && typeof body.query === "string" ? body.query : undefined;
    return { query, variables: "variables" in body ? body.variables : undefined };
  }
  const params = new URLSearchParams(search);
  const query = params.get("query") ?? undefined;
  const variables = params.get("variables");
  if (variables === null) return { query, variables: undefined };
  try {
    return { query, variables: JSON.parse(variables) };
  } catch {
    return { query, variables: undefined };
  }
}

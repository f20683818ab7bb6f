import { type Schema, Supergraph } from "@apollo/federation-internals";
import type { GraphQLSchema } from "graphql";

/**
 * The schema clients see: federation's own derivation, which drops the join/link machinery and
 * `@inaccessible` elements, as @apollo/gateway does for what it serves. Takes composition's result
 * (`schema/api.graphql` keeps its type order) or a supergraph's SDL (the schema check's baseline);
 * the two differ only in the order types are printed.
 */
export function apiSchema(supergraph: Schema | string): GraphQLSchema {
  const schema = typeof supergraph === "string" ? Supergraph.build(supergraph).schema : supergraph;
  return schema.toAPISchema().toGraphQLJSSchema();
}

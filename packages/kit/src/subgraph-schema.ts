import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { createPubSub } from "@graphql-yoga/subscription";
import { authChecker } from "@venta/auth";
import { type GraphQLSchema, parse } from "graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { type BuildSchemaOptions, buildSchema, createResolversMap } from "type-graphql";
import { dropPlainFieldResolvers } from "./plain-fields.js";

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])`;

/** `__resolveReference` per entity type this subgraph can resolve from a representation. */
export type ReferenceResolvers = Record<string, { __resolveReference: (...args: never[]) => unknown }>;

export interface SubgraphSchemaOptions {
  resolvers: BuildSchemaOptions["resolvers"];
  orphanedTypes?: BuildSchemaOptions["orphanedTypes"];
  referenceResolvers?: ReferenceResolvers;
  /** type-graphql middlewares run around every field resolver of the subgraph's own types. */
  middlewares?: BuildSchemaOptions["globalMiddlewares"];
}

/**
 * type-graphql builds the schema from decorated classes; `@apollo/subgraph` then adds the federation
 * machinery (`_entities`, `_service`). Dates are the `DateTime` scalar (ISO 8601) in every subgraph,
 * so the supergraph has exactly one.
 */
export async function buildSubgraph({
  resolvers,
  orphanedTypes,
  referenceResolvers = {},
  middlewares,
}: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    ...(orphanedTypes ? { orphanedTypes } : {}),
    ...(middlewares ? { globalMiddlewares: middlewares } : {}),
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false,
    // `@Authorized` on a field or mutation: checked before the resolver runs (see authChecker).
    authChecker,
    skipCheck: true,
    // type-graphql insists on a topic-based PubSub once any subscription exists, even for those
    // (like ours) that bring their own `subscribe`; an in-process one serves topic-based modules.
    pubSub: createPubSub(),
  });
  const resolverMap = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  if (!middlewares || middlewares.length === 0) dropPlainFieldResolvers(resolverMap);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolverMap[typeName] = {
      ...(resolverMap[typeName] as object),
      ...reference,
    } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolverMap,
  });
}

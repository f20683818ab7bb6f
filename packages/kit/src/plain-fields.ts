import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { getMetadataStorage } from "type-graphql";

/**
 * Removes type-graphql's resolvers of plain fields (a decorated property, no `@FieldResolver`,
 * `@Authorized` or `@UseMiddleware`) from a resolver map, so GraphQL's default resolver reads the
 * property. type-graphql wraps every such field in a resolver that builds a middleware context and
 * dispatches through its (empty) middleware chain: a cost paid for every scalar of every edge of
 * every response. Only without global middlewares: those must keep seeing every field.
 */
export function dropPlainFieldResolvers(resolverMap: GraphQLResolverMap<unknown>): void {
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const resolvers = resolverMap[objectType.name] as Record<string, unknown> | undefined;
    if (!resolvers) continue;
    for (const field of objectType.fields ?? []) {
      const resolved = storage.fieldResolvers.some(
        (resolver) => resolver.getObjectType?.() === field.target && resolver.methodName === field.name,
      );
      const guarded = (field.roles?.length ?? 0) > 0 || (field.middlewares?.length ?? 0) > 0;
      // A field renamed in the schema reads a property of another name: its resolver does that.
      if (resolved || guarded || field.name !== field.schemaName) continue;
      delete resolvers[field.schemaName];
    }
  }
}

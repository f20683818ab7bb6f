import { forbidden, type Viewer } from "@venta/auth";

/**
 * The person a `UserDataExport` representation names, who must be the caller: a representation
 * naming anyone else (a forged `_entities` call) is refused, whatever the caller's roles. Each
 * subgraph extending the export declares its own stub of the entity (type-graphql attaches field
 * resolvers to the class, so one shared class would carry every subgraph's fields) and guards every
 * field with this.
 */
export function exportedPerson(ctx: { viewer: Viewer }, root: { userId: string }): string {
  if (ctx.viewer.userId === null || ctx.viewer.userId !== root.userId)
    throw forbidden("a data export is only ever of the caller's own data");
  return root.userId;
}

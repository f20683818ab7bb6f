import { exportedPerson } from "@venta/kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { LocationContext } from "../context.js";
import { GeofenceConnection } from "./geofence.connection.js";
import { listGeofences } from "./list-geofences.js";
import { UserDataExport } from "./user-data-export.type.js";

@Resolver(() => UserDataExport)
export class UserDataExportGeofencesResolver {
  @FieldResolver(() => GeofenceConnection, {
    description:
      "The person's alert zones, newest first: where they asked to hear about vendors, roaming ones centred where they last were.",
  })
  alertZones(
    @Root() root: UserDataExport,
    @Ctx() ctx: LocationContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after: string | null,
  ): Promise<GeofenceConnection> {
    return listGeofences(ctx, "ALERT_ZONE", exportedPerson(ctx, root), first, after);
  }
}

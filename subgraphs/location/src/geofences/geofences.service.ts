import { randomUUID } from "node:crypto";
import { forbidden, isAdmin, unauthenticated } from "@venta/auth";
import type { GeoPoint } from "@venta/geo";
import { badUserInput, conflict, notFound } from "@venta/kit";
import type { LocationContext } from "../context.js";
import type { CreateGeofenceInput, UpdateGeofenceInput } from "./geofence.input.js";
import type { GeofenceKind, GeofenceRecord, GeofenceShape } from "./geofence.record.js";
import { validFenceName, validFencePoint, validShape } from "./geofence.validation.js";
import type { FenceWrite, GeofenceChanges } from "./geofences.store.js";
import { trackingClock } from "./tracking-clock.js";

/**
 * Fences per owner and kind. Every fence is tested on each position report near it, so a person's
 * alert zones and a vendor's zones are capped to keep the index small where people gather.
 */
export const MAX_GEOFENCES: Record<GeofenceKind, number> = { ALERT_ZONE: 20, VENDOR_ZONE: 20 };

const clockOf = (ctx: LocationContext) => trackingClock(ctx.now, ctx.services.liveWindowSeconds);

function signedInPerson(ctx: LocationContext): string {
  const { viewer } = ctx;
  if (viewer.userId === null && viewer.partner === null) throw unauthenticated();
  if (viewer.userId === null) throw forbidden("only a signed-in person may do this");
  return viewer.userId;
}

/**
 * The signed-in person, unless their account was deleted: then CONFLICT, as marketplace answers,
 * for writes and for reads of their own data alike. The router refuses a deleted account's token
 * already; this holds when marketplace could not be asked, or a token reaches this subgraph otherwise.
 */
export async function livePerson(ctx: LocationContext): Promise<string> {
  const personId = signedInPerson(ctx);
  if (await ctx.services.geofences.isErased(personId)) throw conflict("this account was deleted");
  return personId;
}

/** A vendor zone is managed by the vendor's owner (or an admin), as its position reports are. */
async function assertManagesVendor(ctx: LocationContext, vendorId: string): Promise<void> {
  const access = (await ctx.services.positions.vendorAccess([vendorId])).get(vendorId);
  if (!access) throw notFound(`no vendor with id ${vendorId}`);
  if (!isAdmin(ctx.viewer) && access.ownerId !== ctx.viewer.userId)
    throw forbidden(`vendor ${vendorId} belongs to another account`);
}

/** Whether the viewer may see and change the fence: its owner (the vendor's owner for a vendor zone) or an admin. */
export async function managesFence(ctx: LocationContext, fence: GeofenceRecord): Promise<boolean> {
  if (isAdmin(ctx.viewer)) return true;
  if (ctx.viewer.userId === null) return false;
  if (fence.kind === "ALERT_ZONE") return fence.ownerId === ctx.viewer.userId;
  const access = (await ctx.services.positions.vendorAccess([fence.ownerId])).get(fence.ownerId);
  return access?.ownerId === ctx.viewer.userId;
}

/** The fence if the viewer manages it; someone else's is as good as absent, so ids reveal nothing. */
export async function managedFence(ctx: LocationContext, id: string): Promise<GeofenceRecord | null> {
  const fence = await ctx.services.geofences.get(id);
  return fence && (await managesFence(ctx, fence)) ? fence : null;
}

/** Only an alert circle may follow its owner: a vendor zone has no person to follow. */
function assertMayRoam(kind: GeofenceKind, shape: GeofenceShape, roaming: boolean): void {
  if (!roaming) return;
  if (kind !== "ALERT_ZONE") throw badUserInput("only an ALERT_ZONE may roam", "roaming");
  if (shape.type !== "CIRCLE") throw badUserInput("only a circle may roam", "roaming");
}

export async function createGeofence(ctx: LocationContext, input: CreateGeofenceInput): Promise<FenceWrite> {
  const personId = await livePerson(ctx);
  const name = validFenceName(input.name, "input.name");
  const shape = validShape(input.area, "input.area");
  const roaming = input.roaming ?? false;
  assertMayRoam(input.kind, shape, roaming);
  let ownerId: string;
  if (input.kind === "VENDOR_ZONE") {
    if (!input.vendorId) throw badUserInput("a VENDOR_ZONE needs the vendorId it watches", "input.vendorId");
    await assertManagesVendor(ctx, input.vendorId);
    ownerId = input.vendorId;
  } else {
    if (input.vendorId)
      throw badUserInput("an ALERT_ZONE watches every vendor: leave vendorId out", "input.vendorId");
    ownerId = personId;
  }
  const limit = MAX_GEOFENCES[input.kind];
  const fence: GeofenceRecord = {
    id: randomUUID(),
    kind: input.kind,
    ownerId,
    name,
    shape,
    roaming,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const written = await ctx.services.geofences.create(fence, limit, clockOf(ctx));
  // The store refuses an erased person's zone inside its write: an erasure may have landed meanwhile.
  if (!written && input.kind === "ALERT_ZONE" && (await ctx.services.geofences.isErased(ownerId)))
    throw conflict("this account was deleted");
  if (!written)
    throw badUserInput(
      input.kind === "ALERT_ZONE"
        ? `a person may have at most ${limit} alert zones: delete one first`
        : `a vendor may have at most ${limit} zones: delete one first`,
      "input.kind",
    );
  return written;
}

export async function updateGeofence(ctx: LocationContext, input: UpdateGeofenceInput): Promise<FenceWrite> {
  await livePerson(ctx);
  const changes: GeofenceChanges = {
    name:
      input.name === null || input.name === undefined ? undefined : validFenceName(input.name, "input.name"),
    shape: input.area ? validShape(input.area, "input.area") : undefined,
    roaming: input.roaming ?? undefined,
  };
  const fence = await managedFence(ctx, input.id);
  if (!fence) throw notFound(`no geofence with id ${input.id}`);
  assertMayRoam(fence.kind, changes.shape ?? fence.shape, changes.roaming ?? fence.roaming);
  const written = await ctx.services.geofences.update(input.id, changes, clockOf(ctx));
  if (!written) throw notFound(`no geofence with id ${input.id}`);
  return written;
}

export async function deleteGeofence(ctx: LocationContext, id: string): Promise<string> {
  await livePerson(ctx);
  const fence = await managedFence(ctx, id);
  if (!fence || !(await ctx.services.geofences.delete(id))) throw notFound(`no geofence with id ${id}`);
  return id;
}

/** Re-centres the signed-in person's roaming alert zones on where they are. */
export async function updateMyLocation(ctx: LocationContext, location: GeoPoint): Promise<FenceWrite[]> {
  const personId = await livePerson(ctx);
  const center = validFencePoint(location, "location");
  return ctx.services.geofences.moveRoaming(personId, center, clockOf(ctx));
}

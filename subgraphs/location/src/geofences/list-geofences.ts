import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { LocationContext } from "../context.js";
import type { GeofenceConnection, GeofenceVendorConnection } from "./geofence.connection.js";
import type { GeofenceKind, GeofenceListKey, OccupantKey } from "./geofence.record.js";
import { toGeofence } from "./geofence.type.js";

const FENCES_CURSOR = "geofences";
const OCCUPANTS_CURSOR = "geofence-vendors";

function fenceKey(after: string | null | undefined): GeofenceListKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [createdAt, id] = decodeCursor(FENCES_CURSOR, after) ?? [];
  if (typeof createdAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { createdAt: new Date(createdAt), id };
}

function occupantKey(after: string | null | undefined): OccupantKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [enteredAt, vendorId] = decodeCursor(OCCUPANTS_CURSOR, after) ?? [];
  if (typeof enteredAt !== "number" || typeof vendorId !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { enteredAt: new Date(enteredAt), vendorId };
}

/** One page of an owner's fences of one kind, newest first, with their total. */
export async function listGeofences(
  ctx: LocationContext,
  kind: GeofenceKind,
  ownerId: string,
  first: number,
  after: string | null | undefined,
): Promise<GeofenceConnection> {
  const size = pageSize(first);
  const key = fenceKey(after);
  const [page, totalCount] = await Promise.all([
    ctx.services.geofences.listByOwner(kind, ownerId, size, key),
    ctx.services.geofences.countByOwner(kind, ownerId),
  ]);
  const edges = page.fences.map((fence) => ({
    cursor: encodeCursor(FENCES_CURSOR, [fence.createdAt.getTime(), fence.id]),
    node: toGeofence(fence),
  }));
  return { edges, pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined), totalCount };
}

/** One page of the vendors inside a fence, latest arrival first. */
export async function listFenceVendors(
  ctx: LocationContext,
  fenceId: string,
  first: number,
  after: string | null | undefined,
): Promise<GeofenceVendorConnection> {
  const size = pageSize(first);
  const key = occupantKey(after);
  const page = await ctx.services.geofences.occupants(fenceId, size, key);
  const edges = page.occupants.map(({ vendorId, enteredAt }) => ({
    cursor: encodeCursor(OCCUPANTS_CURSOR, [enteredAt.getTime(), vendorId]),
    node: { id: vendorId },
    enteredAt,
  }));
  return { edges, pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined) };
}

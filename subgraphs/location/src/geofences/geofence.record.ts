import type { GeofenceTriggered } from "@venta/events";
import type { GeoPoint } from "@venta/geo";

/**
 * A vendor zone belongs to a vendor and watches that vendor only (its usual pitch, a market); an
 * alert zone belongs to a person and watches every listed vendor ("tell me when vendors come here").
 */
export type GeofenceKind = GeofenceTriggered["fenceKind"];

export interface CircleShape {
  type: "CIRCLE";
  center: GeoPoint;
  radiusMeters: number;
}

export interface PolygonShape {
  type: "POLYGON";
  /**
   * The ring's vertices in order, without repeating the first at the end: the edge from the last
   * back to the first closes it. Edges are straight lines in latitude and longitude.
   */
  ring: GeoPoint[];
}

export type GeofenceShape = CircleShape | PolygonShape;

export interface GeofenceRecord {
  id: string;
  kind: GeofenceKind;
  /** The vendor for a vendor zone, the person for an alert zone. */
  ownerId: string;
  name: string;
  shape: GeofenceShape;
  /** An alert circle that follows its owner: each reported position of the person moves its centre. */
  roaming: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What a fence is, for its events: enough to route a crossing to the zone's owner. */
export interface FenceIdentity {
  id: string;
  kind: GeofenceKind;
  ownerId: string;
  /** The shape's centre (see `shapeCenter`), so a notification can tell how far away the vendor is. */
  center: GeoPoint;
}

export type Transition = GeofenceTriggered["transition"];
export type TransitionCause = GeofenceTriggered["cause"];

/** A vendor crossed a fence; `point` is where the vendor was then. */
export interface FenceTransition {
  fence: FenceIdentity;
  vendorId: string;
  transition: Transition;
  point: GeoPoint;
  at: Date;
  cause: TransitionCause;
}

/** Where a page of one owner's fences resumes: newest first, ties broken by id. */
export interface GeofenceListKey {
  createdAt: Date;
  id: string;
}

export interface GeofencePage {
  fences: GeofenceRecord[];
  hasNextPage: boolean;
}

/** A vendor inside a fence, and since when. */
export interface FenceOccupant {
  vendorId: string;
  enteredAt: Date;
}

/** Where a page of a fence's occupants resumes: latest arrival first, ties broken by vendor id. */
export interface OccupantKey {
  enteredAt: Date;
  vendorId: string;
}

export interface OccupantPage {
  occupants: FenceOccupant[];
  hasNextPage: boolean;
}

import { type LiveAreaArgs, type LiveEvent, type LiveHub, parseArea } from "@venta/live";
import {
  buildSchema,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
  printSchema,
} from "graphql";
import { isOwn, own } from "./own.js";
import type { VendorLoader } from "./vendor-loader.js";

/** The payload of one live event as the router builds it; `vendor` comes from the supergraph. */
interface EventPayload {
  kind: LiveEvent["kind"];
  vendorId: string;
  location: object;
}

/**
 * The API schema, executable for subscriptions at the router: `vendorLocationUpdated` streams from
 * the live hub, `kind` and `location` come from the event itself, and `vendor` (any of its fields,
 * from any subgraph) is resolved through the supergraph by the batching vendor loader.
 */
export function liveSchema(
  apiSchema: GraphQLSchema,
  hub: LiveHub,
  vendors: VendorLoader,
  liveWindowSeconds: number,
): GraphQLSchema {
  const schema = buildSchema(printSchema(apiSchema));
  const subscription = schema.getSubscriptionType();
  const field = subscription?.getFields().vendorLocationUpdated;
  const eventType = schema.getType("VendorLocationEvent") as GraphQLObjectType | undefined;
  const vendorField = eventType?.getFields().vendor;
  if (!field || !vendorField) throw new Error("the supergraph has no vendorLocationUpdated subscription");

  field.subscribe = (_source, args) => hub.subscribe(parseArea(args as LiveAreaArgs));
  field.resolve = (event: LiveEvent): EventPayload =>
    own({
      kind: event.kind,
      vendorId: event.vendorId,
      location: own({
        point: own({ lat: event.position.lat, lng: event.position.lng }),
        accuracyMeters: event.position.accuracyMeters,
        heading: event.position.heading,
        updatedAt: event.position.recordedAt,
        isLive: Date.now() - Date.parse(event.position.recordedAt) <= liveWindowSeconds * 1000,
      }),
    });
  vendorField.resolve = (payload: EventPayload, _args, _context, info) =>
    vendors.load(payload.vendorId, info);
  return schema;
}

/** Reads our own objects by field name and the supergraph's answers by response key. */
export const liveFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  if (typeof source !== "object" || source === null) return undefined;
  const record = source as Record<string, unknown>;
  return isOwn(source) ? record[info.fieldName] : record[info.path.key as string];
};

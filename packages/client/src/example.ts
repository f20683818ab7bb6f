/**
 * The partner quick start, runnable: `npm run example -w @venta/client` lists who is selling near
 * downtown Austin now. VENTA_URL points at the router; VENTA_API_KEY (a partner key) and
 * VENTA_TOKEN (a person's token) are optional.
 */
import { VentaClient, VentaRequestError } from "./client.js";
import { NearbyVendorsDocument } from "./generated/graphql.js";

const client = new VentaClient({
  url: process.env.VENTA_URL ?? "http://127.0.0.1:4000/graphql",
  ...(process.env.VENTA_API_KEY ? { apiKey: process.env.VENTA_API_KEY } : {}),
  ...(process.env.VENTA_TOKEN ? { token: process.env.VENTA_TOKEN } : {}),
});

try {
  const { nearbyVendors } = await client.request(NearbyVendorsDocument, {
    near: { lat: 30.2672, lng: -97.7431 },
    radiusMeters: 1_000,
    first: 5,
    filter: { liveOnly: true },
  });
  console.log(`${nearbyVendors.totalCount} vendors selling within 1 km of downtown Austin; the nearest:`);
  for (const { distanceMeters, node } of nearbyVendors.edges) {
    console.log(
      `  ${String(Math.round(distanceMeters)).padStart(5)} m  ${node.name} (${node.cuisines.join(", ")})`,
    );
  }
} catch (error) {
  // Every failure carries a code clients can branch on: RATE_LIMITED, UNAUTHENTICATED, …
  if (!(error instanceof VentaRequestError)) throw error;
  console.error(`${error.code}: ${error.message}`);
  process.exitCode = 1;
}

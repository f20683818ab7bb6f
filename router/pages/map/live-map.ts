/** The live vendor map: loads the viewport's vendors, then follows them over graphql-ws. */

interface VendorOnMap {
  id: string;
  name: string;
  cuisines: string[];
  lat: number;
  lng: number;
  updatedAt: number;
  offline: boolean;
  marker: import("leaflet").Marker;
}

interface LocationFields {
  point: { lat: number; lng: number };
  updatedAt: string;
  isLive: boolean;
}

const DOWNTOWN_AUSTIN: [number, number] = [30.2672, -97.7431];
const MAX_SPAN_DEGREES = 2;
const FRESH_MS = 30_000;
const LIVE_MS = 120_000;

// The page's operations come with it from the router, which trusts exactly these texts (they keep
// working when the router accepts trusted documents only).
const operations = JSON.parse(document.getElementById("operations")?.textContent ?? "{}") as {
  mapVendors: string;
  mapUpdates: string;
};
const WITHIN_QUERY = operations.mapVendors;
const LIVE_SUBSCRIPTION = operations.mapUpdates;

const mapElement = document.getElementById("map") as HTMLElement;
const statusElement = document.getElementById("status") as HTMLElement;
const listElement = document.getElementById("vendors") as HTMLElement;

const map = L.map(mapElement, { zoomControl: true }).setView(DOWNTOWN_AUSTIN, 15);
L.tileLayer(mapElement.dataset.tileUrl ?? "", {
  maxZoom: 19,
  attribution: "&copy; OpenStreetMap contributors",
}).addTo(map);

const vendors = new Map<string, VendorOnMap>();
const socketUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
const client = graphqlWs.createClient({ url: socketUrl, retryAttempts: Number.POSITIVE_INFINITY });
let unsubscribe: (() => void) | null = null;
let events = 0;

function freshness(vendor: VendorOnMap): "fresh" | "recent" | "stale" {
  const age = Date.now() - vendor.updatedAt;
  if (vendor.offline || age > LIVE_MS) return "stale";
  return age > FRESH_MS ? "recent" : "fresh";
}

function icon(vendor: VendorOnMap) {
  const dot = document.createElement("span");
  dot.className = `dot ${freshness(vendor)}`;
  dot.dataset.vendorId = vendor.id;
  dot.title = vendor.name;
  return L.divIcon({ className: "vendor-marker", html: dot, iconSize: [18, 18] });
}

function place(
  node: { id: string; name: string; cuisines: string[] },
  where: LocationFields,
  offline = false,
): void {
  const known = vendors.get(node.id);
  if (known) {
    Object.assign(known, {
      name: node.name,
      cuisines: node.cuisines,
      ...where.point,
      updatedAt: Date.parse(where.updatedAt),
      offline,
    });
    known.marker.setLatLng([where.point.lat, where.point.lng]).setIcon(icon(known));
    return;
  }
  const vendor = {
    id: node.id,
    name: node.name,
    cuisines: node.cuisines,
    ...where.point,
    updatedAt: Date.parse(where.updatedAt),
    offline,
  } as VendorOnMap;
  vendor.marker = L.marker([vendor.lat, vendor.lng], { icon: icon(vendor), title: vendor.name }).addTo(map);
  vendors.set(vendor.id, vendor);
}

function remove(id: string): void {
  vendors.get(id)?.marker.remove();
  vendors.delete(id);
}

function renderList(): void {
  const centre = map.getCenter();
  const rows = [...vendors.values()]
    .map((vendor) => ({ vendor, meters: centre.distanceTo([vendor.lat, vendor.lng]) }))
    .sort((a, b) => a.meters - b.meters)
    .slice(0, 100);
  listElement.replaceChildren(
    ...rows.map(({ vendor, meters }) => {
      const item = document.createElement("li");
      item.dataset.vendorId = vendor.id;
      const dot = document.createElement("span");
      dot.className = `dot ${freshness(vendor)}`;
      const text = document.createElement("div");
      const name = document.createElement("div");
      name.className = "name";
      name.textContent = vendor.name;
      const meta = document.createElement("div");
      meta.className = "meta";
      const seconds = Math.max(0, Math.round((Date.now() - vendor.updatedAt) / 1000));
      meta.textContent = `${Math.round(meters)} m · ${vendor.cuisines.join(", ")} · ${vendor.offline ? "offline" : `${seconds} s ago`}`;
      text.append(name, meta);
      item.append(dot, text);
      return item;
    }),
  );
}

function setStatus(text: string): void {
  statusElement.textContent = text;
}

async function post<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.data;
}

/** The viewport changed: load who is in it, then follow the new box live. */
async function follow(): Promise<void> {
  const bounds = map.getBounds();
  const box = {
    south: bounds.getSouth(),
    west: bounds.getWest(),
    north: bounds.getNorth(),
    east: bounds.getEast(),
  };
  unsubscribe?.();
  unsubscribe = null;
  if (box.north - box.south > MAX_SPAN_DEGREES || box.east - box.west > MAX_SPAN_DEGREES) {
    for (const id of [...vendors.keys()]) remove(id);
    renderList();
    setStatus("Zoom in to see vendors.");
    return;
  }
  try {
    const data = await post<{
      vendorsWithin: {
        edges: { node: { id: string; name: string; cuisines: string[]; location: LocationFields | null } }[];
      };
    }>(WITHIN_QUERY, { box });
    const seen = new Set<string>();
    for (const { node } of data.vendorsWithin.edges) {
      if (!node.location) continue;
      seen.add(node.id);
      place(node, node.location, !node.location.isLive);
    }
    for (const id of [...vendors.keys()]) if (!seen.has(id)) remove(id);
    renderList();
    setStatus(`${vendors.size} vendors in view · live`);
  } catch (error) {
    setStatus(`Could not load vendors: ${(error as Error).message}`);
  }
  unsubscribe = client.subscribe<{
    vendorLocationUpdated: {
      kind: string;
      vendor: { id: string; name: string; cuisines: string[] };
      location: LocationFields | null;
    };
  }>(
    { query: LIVE_SUBSCRIPTION, variables: { box } },
    {
      next: ({ data }) => {
        const event = data?.vendorLocationUpdated;
        if (!event) return;
        events += 1;
        if (event.kind === "LEFT") remove(event.vendor.id);
        else if (event.location) place(event.vendor, event.location, event.kind === "OFFLINE");
        renderList();
        setStatus(`${vendors.size} vendors in view · ${events} live updates`);
      },
      error: (error) => setStatus(`Live updates stopped: ${JSON.stringify(error)}`),
      complete: () => {},
    },
  );
}

map.on("moveend", () => void follow());
setInterval(() => {
  for (const vendor of vendors.values()) vendor.marker.setIcon(icon(vendor));
  renderList();
}, 5_000);
void follow();

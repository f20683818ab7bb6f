import { destinationPoint, type GeoPoint } from "@venta/geo";

/** Downtown Austin, TX: the centre of the demo city. */
export const AUSTIN: GeoPoint = { lat: 30.2672, lng: -97.7431 };

/** Places where food trucks gather, so the demo map looks like a real city, not uniform noise. */
const HOTSPOTS: { name: string; at: GeoPoint; spreadMeters: number; weight: number }[] = [
  { name: "Downtown", at: AUSTIN, spreadMeters: 900, weight: 5 },
  { name: "East 6th", at: { lat: 30.2639, lng: -97.7278 }, spreadMeters: 700, weight: 3 },
  { name: "South Congress", at: { lat: 30.2489, lng: -97.7501 }, spreadMeters: 800, weight: 3 },
  { name: "Rainey Street", at: { lat: 30.2585, lng: -97.7385 }, spreadMeters: 300, weight: 2 },
  { name: "UT Campus", at: { lat: 30.2849, lng: -97.7341 }, spreadMeters: 900, weight: 3 },
  { name: "Zilker Park", at: { lat: 30.2669, lng: -97.7729 }, spreadMeters: 800, weight: 2 },
  { name: "Mueller", at: { lat: 30.2983, lng: -97.705 }, spreadMeters: 900, weight: 2 },
  { name: "North Loop", at: { lat: 30.318, lng: -97.722 }, spreadMeters: 700, weight: 1 },
];

const CUISINES = [
  "tacos",
  "bbq",
  "coffee",
  "tex-mex",
  "burgers",
  "pizza",
  "thai",
  "vietnamese",
  "korean",
  "indian",
  "mediterranean",
  "vegan",
  "desserts",
  "ice cream",
  "donuts",
  "sandwiches",
  "seafood",
  "ramen",
  "juice",
  "breakfast",
];
const ADJECTIVES = [
  "Smoky",
  "Golden",
  "Lucky",
  "Rolling",
  "Happy",
  "Spicy",
  "Little",
  "Big",
  "Wild",
  "Sunny",
  "Hungry",
  "Urban",
  "Lone Star",
  "Blue",
  "Red",
  "Salty",
  "Sweet",
  "Midnight",
  "Electric",
  "Humble",
  "Brave",
  "Cosmic",
  "Velvet",
  "Dusty",
];
const NOUNS = [
  "Armadillo",
  "Bat",
  "Longhorn",
  "Grackle",
  "Cactus",
  "Pecan",
  "Bluebonnet",
  "Coyote",
  "Jackrabbit",
  "Mesquite",
  "River",
  "Skyline",
  "Moontower",
  "Hill Country",
  "Barton",
  "Pony",
  "Rooster",
  "Magnolia",
  "Comet",
  "Lantern",
];
const FORMATS = ["Truck", "Kitchen", "Cart", "Wagon", "Shack", "Co.", "Express", "Eats", "Grill", "Stand"];
const OWNER_NAMES = [
  "Ana",
  "Ben",
  "Carla",
  "Diego",
  "Elena",
  "Farid",
  "Grace",
  "Hugo",
  "Ines",
  "Jamal",
  "Kenji",
  "Lucia",
  "Mateo",
  "Nora",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tariq",
  "Uma",
  "Victor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
];
const SURNAMES = [
  "Garcia",
  "Nguyen",
  "Smith",
  "Patel",
  "Kim",
  "Lopez",
  "Okafor",
  "Rossi",
  "Cohen",
  "Haddad",
  "Silva",
  "Tran",
];

/** Mulberry32: tiny, fast and good enough; the same seed always gives the same city. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID-shaped id derived from a name, so the demo's ids are the same on every machine. */
export function demoId(kind: string, n: number): string {
  const hex = (kind === "user" ? "a" : "b") + n.toString(16).padStart(11, "0");
  return `00000000-0000-4000-8000-${hex}`;
}

export interface DemoOwner {
  id: string;
  displayName: string;
}

export interface DemoVendor {
  id: string;
  name: string;
  description: string;
  cuisines: string[];
  ownerId: string;
  status: "OPEN" | "CLOSED";
  /** Where the vendor was last seen; null for the few that never broadcast. */
  position: GeoPoint | null;
  /** How long before seeding its last position was recorded. */
  secondsAgo: number;
  createdOffsetSeconds: number;
}

export interface DemoCity {
  owners: DemoOwner[];
  vendors: DemoVendor[];
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

function weightedHotspot(random: () => number) {
  const total = HOTSPOTS.reduce((sum, h) => sum + h.weight, 0);
  let roll = random() * total;
  for (const hotspot of HOTSPOTS) {
    roll -= hotspot.weight;
    if (roll <= 0) return hotspot;
  }
  return HOTSPOTS[0] as (typeof HOTSPOTS)[number];
}

/** The deterministic Austin demo: vendors clustered in real neighbourhoods, all within 15 km of downtown. */
export function austinCity(vendorCount = 600, seed = 2026): DemoCity {
  const random = seededRandom(seed);
  const owners: DemoOwner[] = Array.from({ length: Math.ceil(vendorCount / 4) }, (_, i) => ({
    id: demoId("user", i + 1),
    displayName: `${pick(random, OWNER_NAMES)} ${pick(random, SURNAMES)}`,
  }));
  const usedNames = new Set<string>();
  const vendors: DemoVendor[] = [];
  for (let i = 0; i < vendorCount; i += 1) {
    let name: string;
    do {
      name = `${pick(random, ADJECTIVES)} ${pick(random, NOUNS)} ${pick(random, FORMATS)}`;
    } while (usedNames.has(name));
    usedNames.add(name);
    const main = pick(random, CUISINES);
    const cuisines = random() < 0.35 ? [main, pick(random, CUISINES)] : [main];
    // Two in three vendors cluster around a hotspot; the rest spread over the metro, up to 14 km out.
    const position =
      random() < 0.05
        ? null
        : random() < 0.66
          ? (() => {
              const hotspot = weightedHotspot(random);
              return destinationPoint(hotspot.at, random() * 360, Math.sqrt(random()) * hotspot.spreadMeters);
            })()
          : destinationPoint(AUSTIN, random() * 360, Math.sqrt(random()) * 14_000);
    vendors.push({
      id: demoId("vendor", i + 1),
      name,
      description: `${name} serves ${cuisines.join(" and ")} around Austin.`,
      cuisines,
      ownerId: (owners[i % owners.length] as DemoOwner).id,
      status: random() < 0.65 ? "OPEN" : "CLOSED",
      position,
      secondsAgo: random() < 0.4 ? Math.floor(random() * 90) : Math.floor(120 + random() * 3 * 3600),
      createdOffsetSeconds: i * 3600,
    });
  }
  return { owners, vendors };
}

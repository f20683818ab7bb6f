import { personViewer } from "@venta/auth";
import type { EventBus } from "@venta/events";
import { type MarketplaceStores, ReviewsService } from "@venta/marketplace";
import { publishAnnounced } from "./announced.js";
import { type DemoCity, seededRandom } from "./austin.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";

/** What the demo's reviews look like, by stars; `{cuisine}` is the vendor's first cuisine. */
const TEXTS: Record<number, readonly string[]> = {
  5: [
    "Best {cuisine} in Austin, hands down.",
    "Friendly crew and generous portions. Will be back!",
    "Worth the line every single time.",
    "Perfectly seasoned, quick service, fair prices.",
  ],
  4: [
    "Really good {cuisine}; a little pricey but worth it.",
    "Solid lunch spot. The specials are the way to go.",
    "Great flavors, though the wait was long at noon.",
  ],
  3: [
    "Decent {cuisine}, nothing special.",
    "Good food, but they had run out of half the menu.",
    "Fine for a quick bite between meetings.",
  ],
  2: ["Small portions for the price.", "Lukewarm food and a long wait.", "Used to be better than this."],
  1: [
    "Cold food and a rude cashier. Not coming back.",
    "Waited 40 minutes and my order was still wrong.",
    "The app said open, the window said closed.",
  ],
};
const REPLIES: Record<"low" | "mid" | "high", readonly string[]> = {
  low: ["Sorry about that! Come by and mention this review: the next one is on us."],
  mid: ["Thanks for the honest feedback, we are working on it.", "Appreciate it! Try the special next time."],
  high: ["Thank you so much! See you next time.", "Made our day, thanks for stopping by!"],
};
/** A few reviews that automatic moderation holds, so the admin's queue has something in it. */
const HELD = [
  "Order ahead at www.{slug}.example and skip the line!",
  "Coupons for {cuisine}: write to deals@{slug}.example",
];

const DAY = 86_400_000;
const EPOCH = Date.UTC(2025, 0, 1);

export interface SeededReviews {
  reviews: number;
  pending: number;
  replies: number;
  helpfulVotes: number;
}

interface PlannedReview {
  at: number;
  vendorId: string;
  ownerId: string;
  authorId: string;
  rating: number;
  text: string;
  reply: string | null;
}

/**
 * Reviews of the seeded Austin vendors, written through the service the API uses (so ratings and
 * events are what they would be), in time order on a clock of their own: the same data set on every
 * run. Vendors get 0 to 2 reviews (the demo vendor's trucks more) from the city's people, stars
 * around each vendor's own standard, about a third answered by the owner, a few held for moderation,
 * and helpful votes. Only verified vendors are reviewed: no one else could.
 */
export async function seedReviews(
  marketplace: MarketplaceStores,
  bus: EventBus,
  city: DemoCity,
): Promise<SeededReviews> {
  const random = seededRandom(4242);
  let clock = new Date(EPOCH);
  const reviews = new ReviewsService(marketplace.reviews, marketplace.vendors, marketplace.users, {
    now: () => clock,
  });
  const stored = new Map(
    (await marketplace.vendors.findByIds(city.vendors.map((v) => v.id))).map((v) => [v.id, v]),
  );
  const people = [DEMO_ACCOUNTS.customer.id, ...city.owners.map((o) => o.id)];
  const fill = (template: string, vendor: { slug: string; cuisines: string[] }) =>
    template.replace("{cuisine}", vendor.cuisines[0] ?? "food").replace("{slug}", vendor.slug);

  const plan: PlannedReview[] = [];
  city.vendors.forEach((demo, i) => {
    const vendor = stored.get(demo.id);
    const standard = 2 + random() * 3;
    const count =
      vendor?.ownerId === DEMO_ACCOUNTS.vendor.id ? 8 : random() < 0.45 ? 1 + Math.floor(random() * 2) : 0;
    if (vendor?.verification !== "VERIFIED") return;
    const pool = people.filter((person) => person !== vendor.ownerId);
    const authors = new Set<string>();
    while (authors.size < Math.min(count, pool.length))
      authors.add(pool[Math.floor(random() * pool.length)] as string);
    [...authors].forEach((authorId, nth) => {
      const rating = Math.min(5, Math.max(1, Math.round(standard + (random() - 0.5) * 3)));
      const texts = TEXTS[rating] as readonly string[];
      // The first review of every 61st vendor advertises: moderation holds it.
      const held = i % 61 === 7 && nth === 0;
      const template = held ? HELD[i % HELD.length] : texts[Math.floor(random() * texts.length)];
      const text = fill(template as string, vendor);
      const mood = rating <= 2 ? "low" : rating === 3 ? "mid" : "high";
      const replies = REPLIES[mood];
      plan.push({
        // After the vendor joined (as the seed dates it), up to 400 days later.
        at: EPOCH + demo.createdOffsetSeconds * 1000 + Math.floor((1 + random() * 400) * DAY),
        vendorId: vendor.id,
        ownerId: vendor.ownerId,
        authorId,
        rating,
        text,
        reply: random() < 0.35 ? (replies[Math.floor(random() * replies.length)] as string) : null,
      });
    });
  });
  // In time order, as they would have been written: the moderation's pace check looks back in time.
  plan.sort(
    (a, b) => a.at - b.at || a.vendorId.localeCompare(b.vendorId) || a.authorId.localeCompare(b.authorId),
  );

  const result: SeededReviews = { reviews: 0, pending: 0, replies: 0, helpfulVotes: 0 };
  const published: { id: string; authorId: string; at: number }[] = [];
  for (const planned of plan) {
    clock = new Date(planned.at);
    const review = await reviews.submit(personViewer(planned.authorId, ["CUSTOMER"]), {
      vendorId: planned.vendorId,
      rating: planned.rating,
      text: planned.text,
    });
    result.reviews += 1;
    if (review.status !== "PUBLISHED") {
      result.pending += 1;
      continue;
    }
    published.push({ id: review.id, authorId: planned.authorId, at: planned.at });
    if (planned.reply) {
      clock = new Date(planned.at + DAY / 2);
      await reviews.reply(personViewer(planned.ownerId, ["VENDOR"]), review.id, planned.reply);
      result.replies += 1;
    }
  }
  // Helpful votes from other people, so "most helpful first" has an order to show.
  for (const review of published) {
    const voters = new Set<string>();
    const votes = Math.floor(random() * random() * 6);
    for (let v = 0; v < votes; v += 1) {
      const voter = people[Math.floor(random() * people.length)] as string;
      if (voter === review.authorId || voters.has(voter)) continue;
      voters.add(voter);
      clock = new Date(review.at + (v + 1) * DAY);
      await reviews.setHelpful(personViewer(voter, ["CUSTOMER"]), review.id, true);
    }
    result.helpfulVotes += voters.size;
  }
  await publishAnnounced(marketplace, bus);
  return result;
}

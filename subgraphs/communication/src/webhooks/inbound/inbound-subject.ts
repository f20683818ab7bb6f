import { z } from "zod";
import type { InboundProvider } from "./inbound-event.record.js";

const id = z.string().min(1);

/** Clerk's `user.*` events are about `data.id`; its other events (sessions, say) name `data.user_id`. */
const clerkSubject = z.object({
  type: z.string(),
  data: z.object({ id: id.optional(), user_id: id.optional() }).passthrough(),
});

/** Stripe: the `userId` the app puts on the paid object's metadata (see stripe.webhook.ts). */
const stripeSubject = z.object({
  data: z.object({ object: z.object({ metadata: z.object({ userId: id }).passthrough() }).passthrough() }),
});

/** RevenueCat: the app user id, which the vendor app sets to the person's Venta id (see revenuecat.webhook.ts). */
const revenueCatSubject = z.object({ event: z.object({ app_user_id: id }).passthrough() });

/**
 * The Venta person an event is about, derived the way processing derives it, so that their
 * account's deletion finds the events that name them. Null when the event names nobody.
 */
export function subjectUserIdOf(provider: InboundProvider, body: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch {
    return null;
  }
  switch (provider) {
    case "CLERK": {
      const event = clerkSubject.safeParse(json);
      if (!event.success) return null;
      return (event.data.type.startsWith("user.") ? event.data.data.id : event.data.data.user_id) ?? null;
    }
    case "STRIPE": {
      const event = stripeSubject.safeParse(json);
      return event.success ? event.data.data.object.metadata.userId : null;
    }
    case "REVENUECAT": {
      const event = revenueCatSubject.safeParse(json);
      return event.success ? event.data.event.app_user_id : null;
    }
  }
}

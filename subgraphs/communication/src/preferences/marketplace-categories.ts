import type { NotificationPreferencesChanged } from "@venta/events";
import type { NotificationTopic } from "../notifications/topics.js";

export type MarketplaceCategory = NotificationPreferencesChanged["preferences"][number]["category"];

/**
 * Marketplace's deprecated notification categories, as the topics applied when sending. LOYALTY
 * has none: nothing sends loyalty news yet, and PROMOTION, the nearest, is marketing consent, which
 * a loyalty switch must not give or take away.
 */
export const TOPIC_OF_MARKETPLACE_CATEGORY: Record<MarketplaceCategory, NotificationTopic | null> = {
  FAVORITE_NEARBY: "VENDOR_NEARBY",
  MESSAGES: "CHAT_MESSAGE",
  PROMOTIONS: "PROMOTION",
  LOYALTY: null,
};

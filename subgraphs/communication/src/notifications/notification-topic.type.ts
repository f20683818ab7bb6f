import { registerEnumType } from "type-graphql";
import type { NotificationTopic } from "./topics.js";

export const NotificationTopicEnum = {
  VENDOR_NEARBY: "VENDOR_NEARBY",
  CHAT_MESSAGE: "CHAT_MESSAGE",
  SUPPORT_UPDATE: "SUPPORT_UPDATE",
  PROMOTION: "PROMOTION",
  ACCOUNT: "ACCOUNT",
} as const satisfies Record<NotificationTopic, NotificationTopic>;

// Named apart from marketplace's profile `NotificationCategory`, whose values differ: two enums of
// one name would not compose into the supergraph.
registerEnumType(NotificationTopicEnum, {
  name: "NotificationTopic",
  description: "What a notification is about; each person chooses the channels per topic.",
  valuesConfig: {
    VENDOR_NEARBY: { description: "A favorite vendor came into one of the person's alert zones." },
    CHAT_MESSAGE: { description: "A new chat message for the person." },
    SUPPORT_UPDATE: { description: "News on one of the person's support requests." },
    PROMOTION: { description: "Offers and news; off on every channel until the person opts in." },
    ACCOUNT: { description: "Security and billing notices; sent even during quiet hours." },
  },
});

import type { Consumption, EventBus, MessageSent } from "@venta/events";
import type { Logger } from "@venta/kit";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { ChatVendorsStore } from "./chat-vendors.store.js";
import { otherSide } from "./conversation.record.js";
import type { ConversationsStore, NotificationClaim } from "./conversations.store.js";

export const CHAT_NOTIFICATIONS_CONSUMER = "communication.chat.notifications";

/** What became of a sent message, for the recipient: NOTIFY means they were told. */
export type ChatNoticeOutcome = NotificationClaim | "NOT_A_PARTICIPANT";

/**
 * Tells the other participant of a conversation about a new message (CHAT_MESSAGE), in their
 * language and on the channels they chose. A burst is one notification: after one, further
 * messages notify nobody until the recipient reads up to it or `windowSeconds` pass; a message
 * they already read in the app notifies nobody. The claim is a conditional write in the
 * conversations store, and the notification is made with the message's dedupe key, so
 * redeliveries and concurrent consumers never tell anyone twice.
 */
export class ChatNotifier {
  constructor(
    private readonly conversations: ConversationsStore,
    private readonly vendors: ChatVendorsStore,
    private readonly notifications: NotificationsService,
    private readonly windowSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Handles one `communication.message_sent`; safe to call again with the same message. */
  async onMessageSent(sent: MessageSent): Promise<ChatNoticeOutcome> {
    const recipientSide = otherSide(sent.senderSide);
    const [conversation, [vendor]] = await Promise.all([
      this.conversations.findById(sent.conversationId),
      this.vendors.findMany([sent.vendorId]),
    ]);
    if (!conversation) return "GONE";
    // The recipient may have left since: a deleted customer, a vendor that changed hands.
    const stillThere =
      recipientSide === "CUSTOMER"
        ? conversation.customerId === sent.recipientId
        : vendor?.ownerId === sent.recipientId;
    if (!stillThere) return "NOT_A_PARTICIPANT";
    const at = this.now();
    const claim = await this.conversations.claimNotification({
      conversationId: sent.conversationId,
      messageId: sent.messageId,
      recipientSide,
      at,
      coveredSince: new Date(at.getTime() - this.windowSeconds * 1000),
    });
    if (claim !== "NOTIFY") return claim;
    await this.notifications.notify({
      userId: sent.recipientId,
      topic: "CHAT_MESSAGE",
      // A vendor speaks under its name; customers' names are not known here, so they go unnamed.
      params: {
        senderName: sent.senderSide === "VENDOR" ? (vendor?.name ?? null) : null,
        preview: sent.preview,
      },
      subjectId: sent.conversationId,
      data: { conversationId: sent.conversationId, messageId: sent.messageId, vendorId: sent.vendorId },
      dedupeKey: `chat:${sent.messageId}`,
    });
    return "NOTIFY";
  }
}

/** Chat's notifications from the bus: every message sent, from the outbox chat writes them to. */
export function followChatMessages(bus: EventBus, notifier: ChatNotifier, log: Logger): Consumption {
  return bus.consume(CHAT_NOTIFICATIONS_CONSUMER, ["communication.message_sent"], async (event) => {
    const sent = event.payload as MessageSent;
    const outcome = await notifier.onMessageSent(sent);
    log.debug({ messageId: sent.messageId, conversationId: sent.conversationId, outcome }, "chat notice");
  });
}

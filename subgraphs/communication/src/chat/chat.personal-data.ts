import type { PersonalDataEraser } from "../contacts/personal-data.js";
import type { NotificationsStore } from "../notifications/notifications.store.js";
import type { ConversationListKey } from "./conversation.record.js";
import type { ConversationsStore } from "./conversations.store.js";

const PAGE = 200;

/**
 * A person's place in chat (see `ConversationsStore.eraseParticipant`): their words as a customer
 * and their name leave every conversation, while what vendors wrote stays for them. What the
 * vendors' side was told of those words (CHAT_MESSAGE notifications) goes too.
 */
export class ChatPersonalData implements PersonalDataEraser {
  readonly module = "chat";

  constructor(
    private readonly conversations: ConversationsStore,
    private readonly notifications: NotificationsStore,
  ) {}

  async eraseUser(userId: string): Promise<void> {
    // Notifications first, found through conversations that still name the person: a retry after
    // a failure in between finds them again.
    await this.notifications.eraseAbout("CHAT_MESSAGE", await this.conversationsOf(userId));
    await this.conversations.eraseParticipant(userId);
  }

  private async conversationsOf(customerId: string): Promise<string[]> {
    const ids: string[] = [];
    let after: ConversationListKey | undefined;
    for (;;) {
      const page = await this.conversations.list({ customerId, vendorIds: [] }, PAGE, after);
      ids.push(...page.records.map((conversation) => conversation.id));
      const last = page.records.at(-1);
      if (!page.hasNextPage || !last) return ids;
      after = { lastActivityAt: last.lastActivityAt, id: last.id };
    }
  }
}

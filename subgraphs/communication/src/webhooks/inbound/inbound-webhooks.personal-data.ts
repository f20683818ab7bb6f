import type { PersonalDataEraser } from "../../contacts/personal-data.js";
import type { InboundEventsStore } from "./inbound-events.store.js";

/**
 * The bodies of provider events about a person (Clerk's account events carry their email and
 * phone; payments and plans their id): removed, keeping what recognises a replay (see
 * `InboundEventsStore.eraseSubject`).
 */
export class InboundWebhooksPersonalData implements PersonalDataEraser {
  readonly module = "inbound webhooks";

  constructor(
    private readonly inboundEvents: InboundEventsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async eraseUser(userId: string): Promise<void> {
    await this.inboundEvents.eraseSubject(userId, this.now());
  }
}

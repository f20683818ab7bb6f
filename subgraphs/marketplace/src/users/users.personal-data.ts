import { newEvent } from "@venta/events";
import type { PersonalDataEraser, PersonalDataExporter } from "./personal-data.js";
import type { UsersStore } from "./users.store.js";

/** The users module's share of GDPR: the account row and the profile. */
export class UsersPersonalData implements PersonalDataEraser, PersonalDataExporter {
  readonly module = "users";

  constructor(
    private readonly users: UsersStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Announces the deletion with the erasure, each time: a repeated deletion is announced again. */
  async eraseUser(userId: string): Promise<void> {
    await this.users.erase(userId, this.now(), (deletedAt) =>
      deletedAt ? [newEvent("marketplace.user_deleted", { userId, at: deletedAt.toISOString() })] : [],
    );
  }

  async exportUser(userId: string): Promise<unknown> {
    const [account, profiles] = await Promise.all([
      this.users.findById(userId),
      this.users.findProfiles([userId]),
    ]);
    const profile = profiles[0];
    return {
      account,
      profile: profile
        ? {
            bio: profile.bio,
            avatarUrl: profile.avatarUrl,
            locale: profile.locale,
            timeZone: profile.timeZone,
            preferences: profile.preferences,
            deletedAt: profile.deletedAt,
            updatedAt: profile.updatedAt,
          }
        : null,
    };
  }
}

import type { PersonalDataEraser, PersonalDataExporter } from "../users/personal-data.js";
import type { PointsStore } from "./points.store.js";

/**
 * Loyalty's share of GDPR. A member's balances and ledger are deleted, not anonymised: points are
 * worth nothing without their owner, and programs hold no other personal data.
 */
export class LoyaltyPersonalData implements PersonalDataEraser, PersonalDataExporter {
  readonly module = "loyalty";

  constructor(private readonly points: PointsStore) {}

  eraseUser(userId: string): Promise<void> {
    return this.points.eraseUser(userId);
  }

  async exportUser(userId: string): Promise<unknown> {
    const { balances, entries } = await this.points.everythingOf(userId);
    return {
      balances: balances.map(({ userId: _userId, ...balance }) => balance),
      ledger: entries.map(({ userId: _userId, ...entry }) => entry),
    };
  }
}

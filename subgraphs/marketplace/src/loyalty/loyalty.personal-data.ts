import type { PersonalDataEraser, PersonalDataExporter } from "../users/personal-data.js";
import type { CheckInsStore } from "./check-ins.store.js";
import type { PointsStore } from "./points.store.js";

/**
 * Loyalty's share of GDPR. A member's balances, ledger and check-ins (positions they claimed) are
 * deleted, not anonymised: points are worth nothing without their owner, and programs hold no
 * other personal data.
 */
export class LoyaltyPersonalData implements PersonalDataEraser, PersonalDataExporter {
  readonly module = "loyalty";

  constructor(
    private readonly points: PointsStore,
    private readonly checkIns: CheckInsStore,
  ) {}

  async eraseUser(userId: string): Promise<void> {
    await this.points.eraseUser(userId);
    await this.checkIns.eraseUser(userId);
  }

  async exportUser(userId: string): Promise<unknown> {
    const { balances, entries } = await this.points.everythingOf(userId);
    const checkIns = await this.checkIns.everythingOf(userId);
    return {
      balances: balances.map(({ userId: _userId, ...balance }) => balance),
      ledger: entries.map(({ userId: _userId, ...entry }) => entry),
      checkIns: checkIns.map(({ userId: _userId, sequence: _sequence, ...checkIn }) => checkIn),
    };
  }
}

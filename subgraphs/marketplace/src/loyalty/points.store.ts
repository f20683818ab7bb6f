import type { Announce } from "@venta/events";
import type { AppendResult, BalanceRecord, LedgerEntryRecord, LedgerListKey, Page } from "./points.record.js";

/**
 * The points ledger and the balances kept beside it. Each adapter must pass `points.store.contract.ts`:
 * above all, a balance always equals the sum of its ledger entries, whatever runs concurrently.
 */
export interface PointsStore {
  /**
   * Appends the entry and moves its balance in one atomic step. A debit (negative delta) happens only
   * if the balance covers it: the check and the debit are one conditional write, so concurrent
   * debits can never spend the same points twice. An entry whose reference is already in the ledger
   * writes nothing. What `announce` makes of the outcome goes to the outbox in the same atomic step.
   */
  append(entry: LedgerEntryRecord, announce?: Announce<AppendResult>): Promise<AppendResult>;
  findBalance(userId: string, vendorId: string): Promise<BalanceRecord | null>;
  /** A member's balances ordered by vendor id, after `afterVendorId` when given. */
  listBalances(userId: string, first: number, afterVendorId?: string): Promise<Page<BalanceRecord>>;
  /** A member's ledger at one vendor, newest first, after `after` when given. */
  listEntries(
    userId: string,
    vendorId: string,
    first: number,
    after?: LedgerListKey,
  ): Promise<Page<LedgerEntryRecord>>;
  /** Every balance and ledger entry of a member, oldest entries first (the data export). */
  everythingOf(userId: string): Promise<{ balances: BalanceRecord[]; entries: LedgerEntryRecord[] }>;
  /** Deletes every balance and ledger entry of a member (account deletion). */
  eraseUser(userId: string): Promise<void>;
}

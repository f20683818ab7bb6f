import { describe, expect, it } from "vitest";
import { positionTransactions, REPORTS_PER_TRANSACTION } from "./position-transactions.js";

describe("positionTransactions", () => {
  it("cuts a fleet's 500-report batch into bounded transactions, keeping the reports' order", () => {
    const reports = Array.from({ length: 500 }, (_, i) => i);
    const transactions = positionTransactions(reports);
    expect(transactions.every((t) => t.length <= REPORTS_PER_TRANSACTION)).toBe(true);
    expect(transactions.length).toBe(Math.ceil(500 / REPORTS_PER_TRANSACTION));
    expect(transactions.flat()).toEqual(reports);
  });

  it("keeps a single report, or a small batch, in one transaction", () => {
    expect(positionTransactions(["a"])).toEqual([["a"]]);
    expect(positionTransactions(["a", "b", "c"])).toEqual([["a", "b", "c"]]);
  });

  it("opens no transaction for no reports", () => {
    expect(positionTransactions([])).toEqual([]);
  });
});

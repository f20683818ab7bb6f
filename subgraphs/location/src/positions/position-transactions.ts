/**
 * Reports MongoDB records per transaction. Each report costs about five sequential round trips (its
 * history, its position, its memberships, the fences at its point, their changes), and a transaction
 * keeps every document it wrote locked until it commits: a fleet's 500 reports in one would run for
 * seconds, conflict with any other write to those vendors and fences, and start over whole on each
 * conflict, past MongoDB's 60-second transaction lifetime under load.
 */
export const REPORTS_PER_TRANSACTION = 50;

/**
 * A batch of reports cut into transactions, in order. They commit one after the other: a batch that
 * fails part-way keeps the reports before the failure, and resending it is safe because a report is
 * never older than itself (its moves are announced again; consumers take them as the same position).
 */
export function positionTransactions<T>(reports: readonly T[]): T[][] {
  const transactions: T[][] = [];
  for (let start = 0; start < reports.length; start += REPORTS_PER_TRANSACTION)
    transactions.push(reports.slice(start, start + REPORTS_PER_TRANSACTION));
  return transactions;
}

export type BalanceTransactionType = "charge" | "refund" | "adjustment";

export interface FeeDetail {
  amount: number;
  application: null;
  currency: string;
  description: string;
  type: "stripe_fee";
}

/** A movement of the platform's balance, as Stripe returns it (`object: "balance_transaction"`). */
export interface BalanceTransaction {
  id: string;
  object: "balance_transaction";
  amount: number;
  available_on: number;
  balance_type: "payments";
  created: number;
  currency: string;
  description: string | null;
  exchange_rate: null;
  fee: number;
  fee_details: FeeDetail[];
  net: number;
  reporting_category: "charge" | "refund" | "dispute";
  source: string;
  status: "pending" | "available";
  type: BalanceTransactionType;
}

import { invalidRequest } from "../http/api-error.js";

/**
 * The currencies the sandbox charges in, with Stripe's minimum charge for each (in minor units)
 * and the symbol its messages print. All have two decimals: zero-decimal currencies (JPY, KRW)
 * would need amounts read differently everywhere, and no market of ours uses one.
 */
const CURRENCIES: Record<string, { minimum: number; symbol: string }> = {
  usd: { minimum: 50, symbol: "$" },
  cad: { minimum: 50, symbol: "CA$" },
  mxn: { minimum: 1000, symbol: "MX$" },
  eur: { minimum: 50, symbol: "€" },
  gbp: { minimum: 30, symbol: "£" },
  aud: { minimum: 50, symbol: "A$" },
};

/** Stripe's ceiling for one charge: 99,999,999 minor units ($999,999.99). */
export const MAX_AMOUNT = 99_999_999;

/** A currency as Stripe stores it (lower case), or a 400 naming the parameter. */
export function supportedCurrency(sent: string, param = "currency"): string {
  const currency = sent.toLowerCase();
  if (!Object.hasOwn(CURRENCIES, currency))
    throw invalidRequest(
      `Invalid currency: ${sent.slice(0, 20)}. The Stripe sandbox supports these currencies: ${Object.keys(CURRENCIES).join(", ")}`,
      { param },
    );
  return currency;
}

/** `$12.50 usd`-style amounts, as Stripe's messages print them. */
export function formatAmount(amount: number, currency: string): string {
  const symbol = CURRENCIES[currency]?.symbol ?? "";
  return `${symbol}${(amount / 100).toFixed(2)}`;
}

/** Stripe's per-currency minimum and global maximum for a charge's amount. */
export function checkChargeAmount(amount: number, currency: string): void {
  const minimum = CURRENCIES[currency]?.minimum ?? 50;
  if (amount < minimum)
    throw invalidRequest(`Amount must be at least ${formatAmount(minimum, currency)} ${currency}`, {
      code: "amount_too_small",
      param: "amount",
    });
  if (amount > MAX_AMOUNT)
    throw invalidRequest(`Amount must be no more than ${formatAmount(MAX_AMOUNT, currency)}`, {
      code: "amount_too_large",
      param: "amount",
    });
}
